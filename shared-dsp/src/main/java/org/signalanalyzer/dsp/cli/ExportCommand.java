package org.signalanalyzer.dsp.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.StartingPoint;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.dsp.export.ExportSetsSettings;
import org.signalanalyzer.dsp.export.Exporter;
import org.signalanalyzer.dsp.export.Layout;
import org.signalanalyzer.dsp.export.NamedAnalysis;

/**
 * {@code export FILES... --layout L --out DIR}: analyses each file with the {@code analyze} options and writes the
 * export's files into DIR (lab-sets: one workbook per set; csv: one file per recording; no zip). lab-sets takes the
 * desktop's Export Sets settings (batch filters, starting point 35) for what the options leave out, so the command
 * gives the lab's button's numbers; {@code --set-of FILE=SET} puts a file whose name tells no set into one.
 */
final class ExportCommand implements Command {

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String usage() {
        return "export FILES... --layout lab-sets|full|csv|tidy-csv|json --out DIR [--set-of FILE=SET ...] "
                + AnalyzeCommand.AnalysisRequestOptions.USAGE
                + " (lab-sets defaults: --preset batch --start-point 35, the desktop's Export Sets)";
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        Layout layout = Layout.parse(args.require("layout"));
        Path dir = CommandLinePaths.outputDirectory(args.require("out"), "--out");
        List<String> files = List.copyOf(args.positional());
        if (files.isEmpty()) throw new UsageException("missing FILES: the recordings to analyse and export");
        boolean labSets = layout == Layout.LAB_SETS;
        String defaultPreset = labSets ? ExportSetsSettings.PRESET : "raw";
        StartingPoint defaultStart = labSets ? ExportSetsSettings.STARTING_POINT : StartingPoint.AUTO;
        Map<String, Integer> sets = setsOf(args.options("set-of"), files);
        if (!sets.isEmpty() && !labSets) throw new UsageException("--set-of is for --layout lab-sets");
        // Read once before any work so a typo fails at once; V2 is read from each file's name as analyze does.
        AnalyzeCommand.AnalysisRequestOptions.read(
                args,
                CommandLinePaths.input(files.get(0), "FILE").getFileName().toString(),
                defaultPreset,
                defaultStart);
        args.rejectUnknown();

        List<NamedAnalysis> analyses = new ArrayList<>();
        for (String f : files) {
            String name = CommandLinePaths.input(f, "FILE").getFileName().toString();
            byte[] bytes = CommandLinePaths.bytes(f, "FILE");
            try {
                AnalyzeCommand.AnalysisRequestOptions opts =
                        AnalyzeCommand.AnalysisRequestOptions.read(args, name, defaultPreset, defaultStart);
                AnalysisResult r =
                        opts.adjustWithRanges(StepProtocolAnalysis.run(name, bytes, opts.requestWithoutRanges()));
                analyses.add(new NamedAnalysis(name, name, r, sets.get(f)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(f + ": " + e.getMessage(), e);
            }
        }
        try {
            for (Path written : new Exporter(Clock.systemDefaultZone()).writeFiles(layout, analyses, dir)) {
                out.println(written);
            }
        } catch (IllegalArgumentException e) {
            if (!labSets) throw e;
            throw new IllegalArgumentException(e.getMessage() + " (--set-of FILE=SET)", e);
        }
    }

    /** {@code FILE=SET} pairs; FILE as given among FILES (or its bare name). */
    private static Map<String, Integer> setsOf(List<String> pairs, List<String> files) throws UsageException {
        Map<String, Integer> sets = new HashMap<>();
        for (String pair : pairs) {
            int eq = pair.lastIndexOf('=');
            if (eq <= 0) throw new UsageException("--set-of needs FILE=SET, got '" + pair + "'");
            String file = pair.substring(0, eq);
            int set;
            try {
                set = Integer.parseInt(pair.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--set-of " + pair + ": the set is a whole number ≥ 0");
            }
            if (set < 0) throw new UsageException("--set-of " + pair + ": the set is a whole number ≥ 0");
            String match = null;
            for (String f : files) {
                if (f.equals(file) || Path.of(f).getFileName().toString().equals(file)) match = f;
            }
            if (match == null) throw new UsageException("--set-of " + pair + ": '" + file + "' is not among FILES");
            sets.put(match, set);
        }
        return sets;
    }
}
