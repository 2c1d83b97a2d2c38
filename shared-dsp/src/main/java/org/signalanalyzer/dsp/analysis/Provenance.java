package org.signalanalyzer.dsp.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Everything needed to reproduce a result: the mode, every parameter with its default filled in, the filter chain
 * as JSON (and how its Butterworth steps were applied), the input and the software.
 *
 * @param startingPoint      "auto" or the given index (desktop mode), as requested
 * @param filterChain        the chain's JSON as applied ({@code null} for no filtering)
 * @param filterApplication  how zero-phase steps ran: "desktop forward-backward, zero state, no padding" or
 *                           "SciPy sosfiltfilt/filtfilt (odd extension, steady-state initial conditions)"
 * @param voltageChannel     the channel read as the command voltage (standard mode), or {@code null}
 * @param onsetSource        standard mode: "voltage channel", "epoch table" or "parameters t0, t1, t2"
 * @param notes              anything the analysis changed or decided that a reader should know
 */
public record Provenance(
        AnalysisMode mode,
        ProtocolParameters parameters,
        String startingPoint,
        JsonNode filterChain,
        String filterApplication,
        int sweep,
        int channel,
        Integer voltageChannel,
        String onsetSource,
        String inputFileName,
        String inputSha256,
        double sampleRateHz,
        String softwareVersion,
        String runAt,
        List<String> notes) {
    public Provenance {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
