package org.signalanalyzer.dsp.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.signalanalyzer.dsp.analysis.Adjustments;
import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.FitModel;
import org.signalanalyzer.dsp.analysis.IntegrationRanges;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.analysis.StartingPoint;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.dsp.analysis.VoltageFromFileName;
import org.signalanalyzer.dsp.filter.FilterChain;

/** {@code analyze FILE [--json] ...}: the step-protocol analysis of one recording. */
final class AnalyzeCommand implements Command {

    @Override
    public String name() {
        return "analyze";
    }

    @Override
    public String usage() {
        return "analyze FILE [--json] " + AnalysisRequestOptions.USAGE;
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        boolean json = args.flag("json");
        String path = args.positional(0, "FILE");
        String name = CommandLinePaths.input(path, "FILE").getFileName().toString();
        AnalysisRequestOptions opts = AnalysisRequestOptions.read(args, name);
        args.rejectUnknown();
        byte[] bytes = CommandLinePaths.bytes(path, "FILE");
        AnalysisResult r = opts.adjust(StepProtocolAnalysis.run(name, bytes, opts.request()));
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
            out.printf(
                    Locale.ROOT,
                    "V2 step         %.4f ms -> %.4f ms (%s)%n",
                    r.depolOnsetS() * 1000,
                    r.hyperpolOnsetS() * 1000,
                    r.provenance().onsetSource());
        }
        out.printf(Locale.ROOT, "baseline        %.6f pA%n", r.baselinePa());
        out.printf(Locale.ROOT, "V0, V2          %.4g mV, %.4g mV%n", r.v0Mv(), r.v2Mv());
        out.printf(Locale.ROOT, "ranges          %s%n", r.ranges());
        out.printf(Locale.ROOT, "Q hyperpol      %.6f pC%n", r.qHyperpolPc());
        out.printf(Locale.ROOT, "Q depol         %.6f pC%n", r.qDepolPc());
        out.printf(Locale.ROOT, "capacitance     %.6f nF%n", r.capacitanceNf());
        for (String note : r.provenance().notes()) out.println("note            " + note);
        for (String line : Adjustments.describe(r)) out.println("adjusted        " + line);
    }

    /**
     * The options shared by {@code analyze}, {@code export} and {@code bench analyze}; {@code fits} are the
     * {@code --fit CURVE,MODEL,FROM,TO[,subtract]} options, applied after the analysis as the screen's accepted fits.
     */
    record AnalysisRequestOptions(AnalysisRequest request, List<Adjustments.AcceptedFit> fits) {

        /** The options {@link #read} takes, as the commands' usage lines list them. */
        static final String USAGE = "[--mode desktop|standard] [--preset raw|batch|gui-default | --chain CHAIN.json] "
                + "[--start-point auto|N] [--v0 MV] [--v1 MV] [--v2 MV] [--t0 MS] [--t1 MS] [--t2 MS] "
                + "[--n-cycles N] [--range-hyperpol A,B] [--range-depol A,B] [--fit CURVE,MODEL,FROM,TO[,subtract] "
                + "...] [--sweep K] [--channel C] [--voltage-channel C]";

        /** The analysed result with the accepted fits (and subtracted lines) of the command line. */
        AnalysisResult adjust(AnalysisResult analysed) {
            return new Adjustments(null, fits).applyTo(analysed);
        }

        /**
         * As {@link #adjust}, with the ranges too given as adjustments of a result analysed over the default ranges
         * ({@link #requestWithoutRanges}): an export then says which ranges it holds, as one from the screen does.
         */
        AnalysisResult adjustWithRanges(AnalysisResult analysed) {
            return new Adjustments(request.ranges(), fits).applyTo(analysed);
        }

        AnalysisRequest requestWithoutRanges() {
            return request.withRanges(null);
        }

        static AnalysisRequestOptions read(Arguments args, String fileName) throws Exception {
            return read(args, fileName, AnalysisMode.DESKTOP, "raw", StartingPoint.AUTO);
        }

        /** With the default mode of another command (qv: standard). */
        static AnalysisRequestOptions read(Arguments args, String fileName, AnalysisMode defaultMode) throws Exception {
            return read(args, fileName, defaultMode, "raw", StartingPoint.AUTO);
        }

        /** With other defaults for the filter preset and the starting point (export's lab-sets: Export Sets'). */
        static AnalysisRequestOptions read(
                Arguments args, String fileName, String defaultPreset, StartingPoint defaultStart) throws Exception {
            return read(args, fileName, AnalysisMode.DESKTOP, defaultPreset, defaultStart);
        }

        private static AnalysisRequestOptions read(
                Arguments args,
                String fileName,
                AnalysisMode defaultMode,
                String defaultPreset,
                StartingPoint defaultStart)
                throws Exception {
            AnalysisMode mode = args.option("mode").map(AnalysisMode::parse).orElse(defaultMode);
            Optional<String> preset = args.option("preset");
            Optional<String> chainFile = args.option("chain");
            if (preset.isPresent() && chainFile.isPresent()) {
                throw new UsageException("give either --preset or --chain, not both");
            }
            FilterChain chain = chainFile.isPresent()
                    ? FilterChain.fromJson(CommandLinePaths.utf8(chainFile.get(), "--chain"))
                    : FilterChain.preset(preset.orElse(defaultPreset));
            ProtocolParameters d = ProtocolParameters.DESKTOP_DEFAULTS;
            OptionalDouble fromName = VoltageFromFileName.parse(fileName);
            double v2 = args.doubleOption("v2", fromName.orElse(d.v2Mv()));
            ProtocolParameters p = new ProtocolParameters(
                    args.intOption("n-cycles", d.nCycles()),
                    args.doubleOption("t0", d.t0Ms()),
                    args.doubleOption("t1", d.t1Ms()),
                    args.doubleOption("t2", d.t2Ms()),
                    args.doubleOption("v0", d.v0Mv()),
                    args.doubleOption("v1", d.v1Mv()),
                    v2);
            Optional<String> start = args.option("start-point");
            StartingPoint sp = start.isPresent() ? StartingPoint.parse(start.get()) : defaultStart;
            Optional<String> rh = args.option("range-hyperpol");
            Optional<String> rd = args.option("range-depol");
            IntegrationRanges ranges = null;
            if (rh.isPresent() || rd.isPresent()) {
                if (rh.isEmpty() || rd.isEmpty()) {
                    throw new UsageException("give both --range-hyperpol and --range-depol");
                }
                IntegrationRanges.Unit unit =
                        mode == AnalysisMode.DESKTOP ? IntegrationRanges.Unit.POINTS : IntegrationRanges.Unit.MS;
                ranges = new IntegrationRanges(unit, pair("range-hyperpol", rh.get()), pair("range-depol", rd.get()));
            }
            int sweep = args.intOption("sweep", 0);
            int channel = args.intOption("channel", 0);
            Optional<String> vch = args.option("voltage-channel");
            Integer voltageChannel = vch.isPresent() ? args.intOption("voltage-channel", 0) : null;
            List<Adjustments.AcceptedFit> fits = new ArrayList<>();
            for (String f : args.options("fit")) fits.add(fit(f));
            return new AnalysisRequestOptions(
                    new AnalysisRequest(mode, p, sp, chain, ranges, sweep, channel, voltageChannel), fits);
        }

        /** {@code hyperpol,exp-decay,2,60} or {@code depol,linear,100,198,subtract}. */
        private static Adjustments.AcceptedFit fit(String text) throws UsageException {
            String[] parts = text.split(",");
            if (parts.length != 4 && !(parts.length == 5 && parts[4].trim().equals("subtract"))) {
                throw new UsageException("--fit needs CURVE,MODEL,FROM,TO[,subtract], got '" + text + "'");
            }
            try {
                return new Adjustments.AcceptedFit(
                        parts[0].trim(),
                        FitModel.parse(parts[1].trim()),
                        Integer.parseInt(parts[2].trim()),
                        Integer.parseInt(parts[3].trim()),
                        parts.length == 5);
            } catch (NumberFormatException e) {
                throw new UsageException("--fit " + text + ": FROM and TO are whole point indices");
            } catch (IllegalArgumentException e) {
                throw new UsageException("--fit " + text + ": " + e.getMessage());
            }
        }

        private static double[] pair(String option, String text) throws UsageException {
            String[] parts = text.split(",");
            if (parts.length != 2)
                throw new UsageException("--" + option + " needs two numbers A,B, got '" + text + "'");
            try {
                return new double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())};
            } catch (NumberFormatException e) {
                throw new UsageException("--" + option + " needs two numbers A,B, got '" + text + "'");
            }
        }
    }
}
