package org.signalanalyzer.dsp.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.StartingPoint;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.dsp.export.Exporter;
import org.signalanalyzer.dsp.export.Layout;
import org.signalanalyzer.dsp.export.NamedAnalysis;
import org.signalanalyzer.dsp.filter.FilterChain;

/**
 * {@code bench export FILE [--layout L] [--analyses K] [--repeat N]}: time to write one export of K copies of the
 * file's analysis (desktop mode, batch filters, n = 35; analysed once, outside the timing), to a counting sink.
 */
final class ExportBenchmark implements BenchCommand.Benchmark {

    @Override
    public String usage() {
        return "export FILE [--layout lab-sets|full|csv|tidy-csv|json] [--analyses K] [--repeat N]";
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        Layout layout = Layout.parse(args.option("layout").orElse("full"));
        int copies = args.intOption("analyses", 1);
        int repeat = args.intOption("repeat", 10);
        args.rejectUnknown();
        if (copies < 1 || repeat < 1) throw new UsageException("--analyses and --repeat must be at least 1");
        Path file = CommandLinePaths.input(args.positional(0, "FILE"), "FILE");
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        AnalysisResult r = StepProtocolAnalysis.run(
                name,
                bytes,
                AnalysisRequest.desktopDefaults()
                        .withChain(FilterChain.preset("batch"))
                        .withStartingPoint(StartingPoint.given(35)));
        List<NamedAnalysis> analyses = new ArrayList<>();
        // Lab names in one set, so that lab-sets works on any input file and K sheets land in one workbook.
        for (int k = 0; k < copies; k++) {
            String lab = String.format(Locale.ROOT, "20230405_%04d_1_-20mV.atf", k + 1);
            analyses.add(new NamedAnalysis(lab, lab, r));
        }
        Exporter exporter = new Exporter(Clock.systemUTC());
        double[] ms = new double[repeat];
        long bytesWritten = 0;
        for (int i = 0; i < repeat + 2; i++) {
            CountingSink sink = new CountingSink();
            long t0 = System.nanoTime();
            exporter.write(layout, analyses, sink);
            long t1 = System.nanoTime();
            // the first two runs warm the JIT and POI's class loading, and are not counted
            if (i >= 2) ms[i - 2] = (t1 - t0) / 1e6;
            bytesWritten = sink.count;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        out.printf(
                Locale.ROOT,
                "export %s, %d analyses: median %.1f ms, min %.1f ms over %d runs; %d bytes%n",
                layout.label(),
                copies,
                sorted[repeat / 2],
                sorted[0],
                repeat,
                bytesWritten);
    }

    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
