package org.signalanalyzer.dsp.analysis.chargevoltage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.InvalidAnalysisParameterException;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.dsp.io.RecordingFormatException;

/**
 * The charge–voltage analysis of sets of recordings (docs/charge-voltage.md): files grouped into sets by the lab's
 * naming (or the user's assignments), each analysed at its own V2, and per set a Boltzmann fit of Q_on against V2.
 * Assignments and exclusions are keyed by the caller's file id.
 */
public final class ChargeVoltageAnalysis {

    /** An analysis already run (an export of existing results). */
    public record Analysed(String id, String fileName, AnalysisResult result) {
        /** The V2 the analysis was asked for (its provenance), when the name and the user tell none. */
        OptionalDouble typedV2Mv() {
            return result.provenance() == null || result.provenance().parameters() == null
                    ? OptionalDouble.empty()
                    : OptionalDouble.of(result.provenance().parameters().v2Mv());
        }
    }

    /** A recording to analyse; its bytes are read only when its turn comes. */
    public record RecordingFile(String id, String fileName, Content content) {}

    @FunctionalInterface
    public interface Content {
        byte[] bytes() throws IOException;
    }

    private ChargeVoltageAnalysis() {}

    /**
     * Analyses every file with {@code request}, its V2 replaced by the file's own (from its name or assignment), and
     * fits each set. Standard mode is the meaningful choice: its charges are the non-linear charge by construction.
     *
     * @throws IllegalArgumentException a file without set or voltage, or one that cannot be analysed (the message
     *                                  names the file)
     */
    public static ChargeVoltageResult run(
            List<RecordingFile> files,
            AnalysisRequest request,
            Map<String, SetAssignment> assignments,
            Set<String> excludedIds)
            throws IOException, RecordingFormatException {
        requireKnown(files.stream().map(RecordingFile::id).toList(), assignments, excludedIds);
        SortedMap<String, List<SetMembership.Member<RecordingFile>>> sets = SetMembership.group(
                files, RecordingFile::fileName, f -> assignments == null ? null : assignments.get(f.id()));
        List<ChargeVoltageSet> out = new ArrayList<>();
        for (var e : sets.entrySet()) {
            List<ChargeVoltagePoint> points = new ArrayList<>();
            for (SetMembership.Member<RecordingFile> m : e.getValue()) {
                AnalysisResult r = analyse(m, request);
                points.add(point(m.item().id(), m, r, excludedIds));
            }
            out.add(ChargeVoltageSet.of(e.getKey(), points));
        }
        return new ChargeVoltageResult(request.mode(), out, StepProtocolAnalysis.softwareVersion());
    }

    /**
     * Fits sets of analyses already run, each point at the V2 its analysis used. A file whose name tells no voltage
     * and that is assigned none takes the V2 its analysis was asked for.
     */
    public static ChargeVoltageResult fromResults(
            List<Analysed> analysed, Map<String, SetAssignment> assignments, Set<String> excludedIds) {
        requireKnown(analysed.stream().map(Analysed::id).toList(), assignments, excludedIds);
        SortedMap<String, List<SetMembership.Member<Analysed>>> sets = SetMembership.group(
                analysed,
                Analysed::fileName,
                a -> assignments == null ? null : assignments.get(a.id()),
                Analysed::typedV2Mv);
        List<ChargeVoltageSet> out = new ArrayList<>();
        for (var e : sets.entrySet()) {
            List<ChargeVoltagePoint> points = new ArrayList<>();
            for (SetMembership.Member<Analysed> m : e.getValue()) {
                points.add(point(m.item().id(), m, m.item().result(), excludedIds));
            }
            out.add(ChargeVoltageSet.of(e.getKey(), points));
        }
        AnalysisMode mode =
                analysed.stream().map(a -> a.result().mode()).distinct().count() == 1
                        ? analysed.get(0).result().mode()
                        : null;
        return new ChargeVoltageResult(mode, out, StepProtocolAnalysis.softwareVersion());
    }

    /** An assignment or exclusion of a file not in the request is a mistake the user should hear about. */
    private static void requireKnown(List<String> ids, Map<String, SetAssignment> assignments, Set<String> excluded) {
        Set<String> known = new HashSet<>(ids);
        TreeSet<String> unknown = new TreeSet<>();
        if (assignments != null) for (String id : assignments.keySet()) if (!known.contains(id)) unknown.add(id);
        if (excluded != null) for (String id : excluded) if (!known.contains(id)) unknown.add(id);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "assigned or excluded but not among the files of this analysis: " + String.join(", ", unknown));
        }
    }

    private static AnalysisResult analyse(SetMembership.Member<RecordingFile> m, AnalysisRequest request)
            throws IOException, RecordingFormatException {
        AnalysisRequest own = request.withParameters(request.parameters().withV2Mv(m.namedV2Mv()));
        try {
            return StepProtocolAnalysis.run(m.fileName(), m.item().content().bytes(), own);
        } catch (InvalidAnalysisParameterException e) {
            throw new InvalidAnalysisParameterException(
                    e.parameter(),
                    "'" + m.fileName() + "' (set " + m.set() + ", " + m.namedV2Mv() + " mV): " + e.getMessage());
        }
    }

    private static ChargeVoltagePoint point(
            String id, SetMembership.Member<?> m, AnalysisResult r, Set<String> excludedIds) {
        boolean excluded = excludedIds != null && excludedIds.contains(id);
        return new ChargeVoltagePoint(
                id, m.fileName(), r.v2Mv(), m.namedV2Mv(), r.qDepolPc(), r.qHyperpolPc(), r.capacitanceNf(), excluded);
    }
}
