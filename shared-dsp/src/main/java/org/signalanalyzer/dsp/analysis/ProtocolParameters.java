package org.signalanalyzer.dsp.analysis;

/**
 * The step protocol as the user describes it (times in ms, voltages in mV). Defaults are the desktop's
 * (n_cycles 2, t0 20, t1 100, t2 100, V0 −80, V1 −100, V2 −20).
 */
public record ProtocolParameters(int nCycles, double t0Ms, double t1Ms, double t2Ms, double v0Mv, double v1Mv,
                                 double v2Mv) {

    public static final ProtocolParameters DESKTOP_DEFAULTS = new ProtocolParameters(2, 20, 100, 100, -80, -100, -20);

    /** Largest |V2| the desktop GUI accepts. */
    public static final double MAX_ABS_V2_MV = 100;

    public ProtocolParameters {
        if (nCycles < 1 || nCycles > 10) {
            throw new InvalidAnalysisParameterException("nCycles", "n_cycles must be 1 to 10, got " + nCycles);
        }
        requirePositive("t0Ms", t0Ms);
        requirePositive("t1Ms", t1Ms);
        requirePositive("t2Ms", t2Ms);
        requireFinite("v0Mv", v0Mv);
        requireFinite("v1Mv", v1Mv);
        requireFinite("v2Mv", v2Mv);
        if (Math.abs(v2Mv) > MAX_ABS_V2_MV) {
            throw new InvalidAnalysisParameterException("v2Mv",
                    "|V2| must be at most " + MAX_ABS_V2_MV + " mV, got " + v2Mv + " mV");
        }
        if (v1Mv == v0Mv) {
            throw new InvalidAnalysisParameterException("v1Mv", "V1 must differ from V0 (both " + v0Mv
                    + " mV): the small steps V0→V1 define the linear response");
        }
    }

    public ProtocolParameters withV2Mv(double v2) {
        return new ProtocolParameters(nCycles, t0Ms, t1Ms, t2Ms, v0Mv, v1Mv, v2);
    }

    private static void requirePositive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InvalidAnalysisParameterException(name, name + " must be a positive number of ms, got " + v);
        }
    }

    private static void requireFinite(String name, double v) {
        if (!Double.isFinite(v)) throw new InvalidAnalysisParameterException(name, name + " must be a number of mV");
    }
}
