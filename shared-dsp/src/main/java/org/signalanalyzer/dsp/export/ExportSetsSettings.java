package org.signalanalyzer.dsp.export;

import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.StartingPoint;
import org.signalanalyzer.dsp.filter.FilterChain;

/**
 * How the desktop's "Export Sets" button analyses each file (docs/desktop-conventions.md#lab-workbook): desktop mode, the batch
 * filters (Savitzky–Golay 101/3 → Butterworth 2 kHz order 2 at the file's rate), the fixed starting point 35 (no
 * automatic choice), V2 from the file name. The CLI's {@code export --layout lab-sets} uses them unless told
 * otherwise, and {@code GET /api/config} gives them to the browser, so all three give the lab's button's numbers.
 */
public final class ExportSetsSettings {

    public static final AnalysisMode MODE = AnalysisMode.DESKTOP;
    public static final String PRESET = "batch";
    public static final StartingPoint STARTING_POINT = StartingPoint.given(StartingPoint.DESKTOP_DEFAULT);

    private ExportSetsSettings() {}

    public static FilterChain chain() {
        return FilterChain.preset(PRESET);
    }
}
