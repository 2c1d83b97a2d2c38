package org.signalanalyzer.dsp.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.chargevoltage.BoltzmannFit;
import org.signalanalyzer.dsp.analysis.chargevoltage.ChargeVoltageAnalysis;
import org.signalanalyzer.dsp.analysis.chargevoltage.ChargeVoltagePoint;
import org.signalanalyzer.dsp.analysis.chargevoltage.ChargeVoltageResult;
import org.signalanalyzer.dsp.analysis.chargevoltage.ChargeVoltageSet;
import org.signalanalyzer.dsp.analysis.chargevoltage.SetAssignment;
import org.signalanalyzer.dsp.analysis.chargevoltage.SetMembership;

/**
 * {@code qv FILES...}: charge–voltage sets. Files are told apart by their base names, which is also how
 * {@code --set-of}, {@code --voltage-of} and {@code --exclude} name them. Standard mode unless {@code --mode} says
 * otherwise (its charges are the non-linear charge by construction).
 */
final class QvCommand implements Command {

    @Override
    public String name() {
        return "qv";
    }

    @Override
    public String usage() {
        return "qv FILE... [--json] [analyze options; --mode defaults to standard] [--set-of FILE=SET]... "
                + "[--voltage-of FILE=MV]... [--exclude FILE]...";
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        boolean json = args.flag("json");
        List<String> paths = new ArrayList<>(args.positional());
        if (paths.isEmpty()) throw new UsageException("missing FILE (one or more recordings)");
        Map<String, String> pathOf = new LinkedHashMap<>();
        for (String p : paths) {
            String name = CommandLinePaths.input(p, "FILE").getFileName().toString();
            if (pathOf.put(name, p) != null) {
                throw new UsageException(
                        "two FILEs are named '" + name + "'; the set analysis tells files apart " + "by name");
            }
        }
        AnalyzeCommand.AnalysisRequestOptions opts = AnalyzeCommand.AnalysisRequestOptions.read(
                args, pathOf.keySet().iterator().next(), AnalysisMode.STANDARD);
        Map<String, String> sets = pairs(args.options("set-of"), "set-of", "SET", pathOf.keySet());
        Map<String, String> volts = pairs(args.options("voltage-of"), "voltage-of", "MV", pathOf.keySet());
        Set<String> excluded = new HashSet<>();
        for (String e : args.options("exclude"))
            excluded.add(known(SetMembership.baseName(e), "exclude", pathOf.keySet()));
        args.rejectUnknown();
        Map<String, SetAssignment> assignments = new HashMap<>();
        for (String file : pathOf.keySet()) {
            if (!sets.containsKey(file) && !volts.containsKey(file)) continue;
            Double v = null;
            if (volts.containsKey(file)) {
                try {
                    v = Double.parseDouble(volts.get(file));
                } catch (NumberFormatException e) {
                    throw new UsageException(
                            "--voltage-of " + file + "= needs a number of mV, got '" + volts.get(file) + "'");
                }
            }
            assignments.put(file, new SetAssignment(sets.get(file), v));
        }
        List<ChargeVoltageAnalysis.RecordingFile> files = new ArrayList<>();
        for (var e : pathOf.entrySet()) {
            Path path = CommandLinePaths.input(e.getValue(), "FILE");
            files.add(new ChargeVoltageAnalysis.RecordingFile(e.getKey(), e.getKey(), () -> Files.readAllBytes(path)));
        }
        ChargeVoltageResult r = ChargeVoltageAnalysis.run(files, opts.request(), assignments, excluded);
        if (json) out.println(r.toPrettyJson());
        else table(r, out);
    }

    /** {@code FILE=VALUE} pairs, FILE by base name and among the given files. */
    private static Map<String, String> pairs(List<String> values, String option, String what, Set<String> files)
            throws UsageException {
        Map<String, String> map = new HashMap<>();
        for (String v : values) {
            int eq = v.lastIndexOf('=');
            if (eq <= 0 || eq == v.length() - 1) {
                throw new UsageException("--" + option + " needs FILE=" + what + ", got '" + v + "'");
            }
            map.put(
                    known(SetMembership.baseName(v.substring(0, eq)), option, files),
                    v.substring(eq + 1).trim());
        }
        return map;
    }

    private static String known(String file, String option, Set<String> files) throws UsageException {
        if (!files.contains(file)) {
            throw new UsageException("--" + option + " names '" + file + "', which is not among the FILEs");
        }
        return file;
    }

    private static void table(ChargeVoltageResult r, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "mode %s; fitted: Q_depol (Q_on) against V2, %s%n",
                r.mode().label(),
                r.model());
        for (ChargeVoltageSet s : r.sets()) {
            out.println();
            out.printf(Locale.ROOT, "set %s (%d files)%n", s.set(), s.points().size());
            int width = Math.max(
                    4,
                    s.points().stream().mapToInt(p -> p.file().length()).max().orElse(4));
            out.printf(
                    Locale.ROOT,
                    "  %-" + width + "s %9s %13s %16s %10s%n",
                    "file",
                    "V2 (mV)",
                    "Q_depol (pC)",
                    "Q_hyperpol (pC)",
                    "C (nF)");
            for (ChargeVoltagePoint p : s.points()) {
                out.printf(
                        Locale.ROOT,
                        "  %-" + width + "s %9.2f %13.5f %16.5f %10.5f%s%n",
                        p.file(),
                        p.v2Mv(),
                        p.qDepolPc(),
                        p.qHyperpolPc(),
                        p.capacitanceNf(),
                        p.excluded() ? "  (excluded)" : "");
            }
            BoltzmannFit f = s.boltzmann();
            if (f == null) {
                out.printf(
                        Locale.ROOT,
                        "  no fit (%s): %s%n",
                        s.refusal().reason().code(),
                        s.refusal().message());
                continue;
            }
            out.printf(
                    Locale.ROOT,
                    "  Qmax %.4f pC  95%% CI [%.4f, %.4f]%n",
                    f.qMaxPc(),
                    f.ci95().qMaxPc()[0],
                    f.ci95().qMaxPc()[1]);
            out.printf(
                    Locale.ROOT,
                    "  V½   %.3f mV  95%% CI [%.3f, %.3f]%n",
                    f.vHalfMv(),
                    f.ci95().vHalfMv()[0],
                    f.ci95().vHalfMv()[1]);
            out.printf(
                    Locale.ROOT,
                    "  k    %.3f mV  95%% CI [%.3f, %.3f]%n",
                    f.slopeMv(),
                    f.ci95().slopeMv()[0],
                    f.ci95().slopeMv()[1]);
            out.printf(
                    Locale.ROOT,
                    "  R² %.5f, %d points, %d degrees of freedom%n",
                    f.r2(),
                    f.points(),
                    f.degreesOfFreedom());
        }
    }
}
