package org.signalanalyzer.dsp.analysis;

import java.util.List;
import org.signalanalyzer.dsp.rules.ParameterRule;

/**
 * The step protocol as the user describes it (times in ms, voltages in mV). Defaults are the desktop's
 * (n_cycles 2, t0 20, t1 100, t2 100, V0 −80, V1 −100, V2 −20); defaults and bounds are {@link #RULES}, which
 * {@code GET /api/config} answers.
 */
public record ProtocolParameters(
        int nCycles, double t0Ms, double t1Ms, double t2Ms, double v0Mv, double v1Mv, double v2Mv) {

    /** Largest |V2| the desktop GUI accepts. */
    public static final double MAX_ABS_V2_MV = 100;

    static final ParameterRule N_CYCLES =
            ParameterRule.integer("nCycles", 2, 1, 10).note("small V0→V1 step cycles before the V2 step");
    static final ParameterRule T0 = time("t0Ms", 20, "time at V0 before the first small step");
    static final ParameterRule T1 = time("t1Ms", 100, "length of each small step and of the return to V0");
    static final ParameterRule T2 = time("t2Ms", 100, "length of the V2 step");
    static final ParameterRule V0 =
            ParameterRule.number("v0Mv", -80.0, null, null).unit("mV").note("holding level");
    static final ParameterRule V1 =
            ParameterRule.number("v1Mv", -100.0, null, null).unit("mV").note("small-step level; differs from V0");
    static final ParameterRule V2 = ParameterRule.number("v2Mv", -20.0, -MAX_ABS_V2_MV, MAX_ABS_V2_MV)
            .unit("mV")
            .note("test-step level; defaults to the voltage the file name tells (…_10mVdepol, …_-50depol), else -20");

    /** Every parameter with its default and bounds, in the API's names. */
    public static final List<ParameterRule> RULES = List.of(N_CYCLES, T0, T1, T2, V0, V1, V2);

    public static final ProtocolParameters DESKTOP_DEFAULTS = new ProtocolParameters(
            N_CYCLES.defaultInt(),
            T0.defaultNumber(),
            T1.defaultNumber(),
            T2.defaultNumber(),
            V0.defaultNumber(),
            V1.defaultNumber(),
            V2.defaultNumber());

    public ProtocolParameters {
        check(N_CYCLES, nCycles);
        check(T0, t0Ms);
        check(T1, t1Ms);
        check(T2, t2Ms);
        check(V0, v0Mv);
        check(V1, v1Mv);
        check(V2, v2Mv);
        if (v1Mv == v0Mv) {
            throw new InvalidAnalysisParameterException(
                    "v1Mv",
                    "V1 must differ from V0 (both " + v0Mv + " mV): the small steps V0→V1 define the linear response");
        }
    }

    public ProtocolParameters withV2Mv(double v2) {
        return new ProtocolParameters(nCycles, t0Ms, t1Ms, t2Ms, v0Mv, v1Mv, v2);
    }

    private static ParameterRule time(String name, double defaultMs, String note) {
        return ParameterRule.number(name, defaultMs, 0.0, null)
                .exclusive(true, false)
                .unit("ms")
                .note(note);
    }

    private static void check(ParameterRule rule, double v) {
        if (!rule.admits(v)) {
            throw new InvalidAnalysisParameterException(
                    rule.name(),
                    rule.name() + " must be " + rule.bounds() + (rule.unit() == null ? "" : " " + rule.unit())
                            + ", got " + ParameterRule.format(v));
        }
    }
}
