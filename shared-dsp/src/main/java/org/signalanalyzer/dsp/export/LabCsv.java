package org.signalanalyzer.dsp.export;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The desktop "Export Data" CSV (docs/desktop-conventions.md#semicolon-csv): semicolon-separated, the lab's labels, the purple
 * curves with 7 decimals and times in ms. The desktop wrote "N/A" for every integral; here they are the analysis's
 * values (pC, with 7 decimals like the curves). The closing summary line carries the two integrals and their sum,
 * each after its own label, because the desktop's summary fields were never filled and so fixed no layout.
 */
final class LabCsv {

    private static final int DECIMALS = 7;

    private LabCsv() {}

    static String fileName(String recordingFileName) {
        return FileNames.stem(recordingFileName) + "_purple.csv";
    }

    static void write(LabEntry e, OutputStream stream) throws IOException {
        CsvWriter csv = CsvWriter.utf8(stream, ';');
        csv.text("Input File:")
                .text(e.fileName())
                .text(NumberFormat.GENERAL.display(e.v2Mv()) + "mV")
                .endLine();
        csv.blankLine();
        csv.text("Overall Integral (pC):")
                .fixed(e.overallIntegralPc(), DECIMALS)
                .endLine();
        csv.blankLine();
        curve(csv, "HYPERPOL", "Hyperpol", e.hyperpolIntegralPc(), e.hyperpolPa(), e.hyperpolTimeMs());
        csv.blankLine();
        curve(csv, "DEPOL", "Depol", e.depolIntegralPc(), e.depolPa(), e.depolTimeMs());
        csv.blankLine();
        csv.text("Purple Integral Summary:")
                .text("Hyperpol (pC)")
                .fixed(e.hyperpolIntegralPc(), DECIMALS)
                .text("Depol (pC)")
                .fixed(e.depolIntegralPc(), DECIMALS)
                .text("Overall (pC)")
                .fixed(e.overallIntegralPc(), DECIMALS)
                .endLine();
        if (!e.adjustments().isEmpty()) {
            csv.blankLine();
            csv.text("Adjustments:").endLine();
            for (String line : e.adjustments()) csv.text(line).endLine();
        }
        csv.flush();
    }

    private static void curve(CsvWriter csv, String upper, String name, double integralPc, double[] pa, double[] timeMs)
            throws IOException {
        csv.text("PURPLE " + upper + " CURVE").endLine();
        csv.text(name + " Integral:").fixed(integralPc, DECIMALS).endLine();
        csv.text("Index").text(name + "_pA").text(name + "_time_ms").endLine();
        for (int i = 0; i < pa.length; i++) {
            csv.whole(i + 1).fixed(pa[i], DECIMALS).fixed(timeMs[i], DECIMALS).endLine();
        }
    }
}
