package org.signalanalyzer.dsp.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.IntegrationRanges;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.analysis.StartingPoint;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.dsp.analysis.VoltageFromFileName;
import org.signalanalyzer.dsp.filter.FilterChain;

/** {@code analyze FILE [--json] ...}: the step-protocol analysis of one recording. */
final class AnalyzeCommand implements Command {

    @Override public String name() { return "analyze"; }

    @Override public String usage() {
        return "analyze FILE [--json] [--mode desktop|standard] [--preset raw|batch|gui-default | --chain CHAIN.json] "
                + "[--start-point auto|N] [--v0 MV] [--v1 MV] [--v2 MV] [--t0 MS] [--t1 MS] [--t2 MS] "
                + "[--n-cycles N] [--range-hyperpol A,B] [--range-depol A,B] [--sweep K] [--channel C] "
                + "[--voltage-channel C]";
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        boolean json = args.flag("json");
        String path = args.positional(0, "FILE");
        String name = CommandLinePaths.input(path, "FILE").getFileName().toString();
        AnalysisRequestOptions opts = AnalysisRequestOptions.read(args, name);
        args.rejectUnknown();
        byte[] bytes = CommandLinePaths.bytes(path, "FILE");
        AnalysisResult r = StepProtocolAnalysis.run(name, bytes, opts.request());
        if (json) {
            out.println(r.toPrettyJson());
        } else {
            summary(r, out);
        }
    }

    private static void summary(AnalysisResult r, PrintStream out) {
        out.printf(Locale.ROOT, "file            %s%n", r.provenance().inputFileName());
        out.printf(Locale.ROOT, "mode            %s%n", r.mode().label());
        if (r.startingPoint() != null) {
            out.printf(Locale.ROOT, "starting point  %d (%s)%n", r.startingPoint(), r.startingPointSource());
        } else {
            out.printf(Locale.ROOT, "V2 step         %.4f ms -> %.4f ms (%s)%n", r.depolOnsetS() * 1000,
                    r.hyperpolOnsetS() * 1000, r.provenance().onsetSource());
        }
        out.printf(Locale.ROOT, "baseline        %.6f pA%n", r.baselinePa());
        out.printf(Locale.ROOT, "V0, V2          %.4g mV, %.4g mV%n", r.v0Mv(), r.v2Mv());
        out.printf(Locale.ROOT, "ranges          %s%n", r.ranges());
        out.printf(Locale.ROOT, "Q hyperpol      %.6f pC%n", r.qHyperpolPc());
        out.printf(Locale.ROOT, "Q depol         %.6f pC%n", r.qDepolPc());
        out.printf(Locale.ROOT, "capacitance     %.6f nF%n", r.capacitanceNf());
        for (String note : r.provenance().notes()) out.println("note            " + note);
    }

    /** The options shared by {@code analyze} and {@code bench analyze}. */
    record AnalysisRequestOptions(AnalysisRequest request) {

        static AnalysisRequestOptions read(Arguments args, String fileName) throws Exception {
            return read(args, fileName, AnalysisMode.DESKTOP);
        }

        static AnalysisRequestOptions read(Arguments args, String fileName, AnalysisMode defaultMode)
                throws Exception {
            AnalysisMode mode = args.option("mode").map(AnalysisMode::parse).orElse(defaultMode);
            Optional<String> preset = args.option("preset");
            Optional<String> chainFile = args.option("chain");
            if (preset.isPresent() && chainFile.isPresent()) {
                throw new UsageException("give either --preset or --chain, not both");
            }
            FilterChain chain = chainFile.isPresent()
                    ? FilterChain.fromJson(CommandLinePaths.utf8(chainFile.get(), "--chain"))
                    : FilterChain.preset(preset.orElse("raw"));
            ProtocolParameters d = ProtocolParameters.DESKTOP_DEFAULTS;
            OptionalDouble fromName = VoltageFromFileName.parse(fileName);
            double v2 = args.doubleOption("v2", fromName.orElse(d.v2Mv()));
            ProtocolParameters p = new ProtocolParameters(args.intOption("n-cycles", d.nCycles()),
                    args.doubleOption("t0", d.t0Ms()), args.doubleOption("t1", d.t1Ms()),
                    args.doubleOption("t2", d.t2Ms()), args.doubleOption("v0", d.v0Mv()),
                    args.doubleOption("v1", d.v1Mv()), v2);
            StartingPoint sp = StartingPoint.parse(args.option("start-point").orElse("auto"));
            Optional<String> rh = args.option("range-hyperpol");
            Optional<String> rd = args.option("range-depol");
            IntegrationRanges ranges = null;
            if (rh.isPresent() || rd.isPresent()) {
                if (rh.isEmpty() || rd.isEmpty()) {
                    throw new UsageException("give both --range-hyperpol and --range-depol");
                }
                IntegrationRanges.Unit unit = mode == AnalysisMode.DESKTOP ? IntegrationRanges.Unit.POINTS
                        : IntegrationRanges.Unit.MS;
                ranges = new IntegrationRanges(unit, pair("range-hyperpol", rh.get()), pair("range-depol", rd.get()));
            }
            int sweep = args.intOption("sweep", 0);
            int channel = args.intOption("channel", 0);
            Optional<String> vch = args.option("voltage-channel");
            Integer voltageChannel = vch.isPresent() ? args.intOption("voltage-channel", 0) : null;
            return new AnalysisRequestOptions(new AnalysisRequest(mode, p, sp, chain, ranges, sweep, channel,
                    voltageChannel));
        }

        private static double[] pair(String option, String text) throws UsageException {
            String[] parts = text.split(",");
            if (parts.length != 2) throw new UsageException("--" + option + " needs two numbers A,B, got '" + text + "'");
            try {
                return new double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())};
            } catch (NumberFormatException e) {
                throw new UsageException("--" + option + " needs two numbers A,B, got '" + text + "'");
            }
        }
    }
}
