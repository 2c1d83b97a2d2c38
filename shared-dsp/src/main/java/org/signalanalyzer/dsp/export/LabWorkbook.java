package org.signalanalyzer.dsp.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.signalanalyzer.dsp.analysis.chargevoltage.ChargeVoltageSet;

/**
 * The lab's per-set workbook (desktop "Export Sets", docs/desktop-conventions.md#lab-workbook): one sheet per file, column A labels,
 * column B values, then the two purple curves. Reproduced cell for cell because the lab's own sheets read it. A
 * charge–voltage summary sheet (not the desktop's) follows the per-file ones.
 */
final class LabWorkbook {

    /** One sheet: its name and the file it shows. */
    record Sheet(String name, LabEntry entry) {}

    private LabWorkbook() {}

    /** The desktop's name: {@code Set_<set>_<YYYYMMDD_HHMMSS>.xlsx}. */
    static String fileName(int set, String timestamp) {
        return "Set_" + set + "_" + timestamp + ".xlsx";
    }

    /** A new XSSFWorkbook has no sheets, so the desktop's removal of the default "Sheet" is implied. */
    static void write(List<Sheet> sheets, OutputStream out) throws IOException {
        write(sheets, null, out);
    }

    /** With {@code summary}, the set's charge–voltage sheet follows the per-file sheets. */
    static void write(List<Sheet> sheets, ChargeVoltageSet summary, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            SheetWriter.Styles styles = new SheetWriter.Styles(wb);
            for (Sheet s : sheets) fill(new SheetWriter(wb.createSheet(s.name()), styles), s.entry());
            if (summary != null) {
                ChargeVoltageSheet.fill(new SheetWriter(wb.createSheet(ChargeVoltageSheet.NAME), styles), summary);
            }
            wb.write(out);
        }
    }

    private static void fill(SheetWriter w, LabEntry e) {
        w.text(0, 0, "Original ATF File:");
        w.text(0, 1, e.fileName());
        w.text(1, 0, "V2 Voltage (mV):");
        w.number(1, 1, e.v2Mv(), NumberFormat.WHOLE);
        w.text(3, 0, "Overall Integral (pC):", true);
        w.number(3, 1, e.overallIntegralPc(), NumberFormat.TWO_DECIMALS);
        int next = curve(w, 5, "HYPERPOL", "Hyperpol", e.hyperpolIntegralPc(), e.hyperpolPa(), e.hyperpolTimeMs());
        curve(w, next + 1, "DEPOL", "Depol", e.depolIntegralPc(), e.depolPa(), e.depolTimeMs());
        adjustments(w, e);
        w.fitColumns();
    }

    /** Column of the adjustment lines: after the curves' three, one blank, so the lab's cells stay where they are. */
    static final int ADJUSTMENTS_COLUMN = 4;

    /** What was changed on screen, so the sheet says which numbers it holds (nothing for a result as analysed). */
    private static void adjustments(SheetWriter w, LabEntry e) {
        if (e.adjustments().isEmpty()) return;
        w.text(0, ADJUSTMENTS_COLUMN, "Adjustments", true);
        for (int i = 0; i < e.adjustments().size(); i++)
            w.text(i + 1, ADJUSTMENTS_COLUMN, e.adjustments().get(i));
    }

    /** Writes one purple-curve block from {@code row}; returns the row after its last point. */
    private static int curve(
            SheetWriter w, int row, String upper, String name, double integralPc, double[] pa, double[] timeMs) {
        w.text(row, 0, "PURPLE " + upper + " CURVE", true);
        w.text(row + 1, 0, name + " Integral from the ap:");
        w.number(row + 1, 1, integralPc, NumberFormat.TWO_DECIMALS);
        w.text(row + 2, 0, "Index", true);
        w.text(row + 2, 1, name + "_pA", true);
        w.text(row + 2, 2, name + "_time_ms", true);
        int r = row + 3;
        for (int i = 0; i < pa.length; i++, r++) {
            w.number(r, 0, i + 1, NumberFormat.GENERAL);
            w.number(r, 1, pa[i], NumberFormat.SEVEN_DECIMALS);
            w.number(r, 2, timeMs[i], NumberFormat.THREE_DECIMALS);
        }
        return r;
    }
}
