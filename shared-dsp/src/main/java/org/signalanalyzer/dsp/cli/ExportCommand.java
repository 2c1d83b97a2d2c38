package org.signalanalyzer.dsp.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.dsp.export.Exporter;
import org.signalanalyzer.dsp.export.Layout;
import org.signalanalyzer.dsp.export.NamedAnalysis;

/**
 * {@code export FILES... --layout L --out DIR}: analyses each file with the {@code analyze} options and writes the
 * export's files into DIR (lab-sets: one workbook per set; csv: one file per recording; no zip).
 */
final class ExportCommand implements Command {

    @Override public String name() { return "export"; }

    @Override public String usage() {
        return "export FILES... --layout lab-sets|full|csv|tidy-csv|json --out DIR [the analyze options: --mode, "
                + "--preset | --chain, --start-point, --v0 --v1 --v2 --t0 --t1 --t2 --n-cycles, --range-hyperpol "
                + "--range-depol, --sweep --channel --voltage-channel]";
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        Layout layout = Layout.parse(args.require("layout"));
        Path dir = CommandLinePaths.outputDirectory(args.require("out"), "--out");
        List<String> files = List.copyOf(args.positional());
        if (files.isEmpty()) throw new UsageException("missing FILES: the recordings to analyse and export");
        // Read once before any work so a typo fails at once; V2 is read from each file's name as analyze does.
        AnalyzeCommand.AnalysisRequestOptions.read(args, CommandLinePaths.input(files.get(0), "FILE").getFileName()
                .toString());
        args.rejectUnknown();

        List<NamedAnalysis> analyses = new ArrayList<>();
        for (String f : files) {
            String name = CommandLinePaths.input(f, "FILE").getFileName().toString();
            byte[] bytes = CommandLinePaths.bytes(f, "FILE");
            try {
                AnalysisResult r = StepProtocolAnalysis.run(name, bytes,
                        AnalyzeCommand.AnalysisRequestOptions.read(args, name).request());
                analyses.add(new NamedAnalysis(name, name, r));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(f + ": " + e.getMessage(), e);
            }
        }
        for (Path written : new Exporter(Clock.systemDefaultZone()).writeFiles(layout, analyses, dir)) {
            out.println(written);
        }
    }
}
