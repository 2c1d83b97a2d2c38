package org.signalanalyzer.dsp.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.signalanalyzer.dsp.rules.ParameterRule;

/** Wavelet denoising as a chain step; level null means the desktop's rule min(⌊log2 N⌋, 10). */
public record WaveletStep(
        String wavelet, Integer level, WaveletDenoiser.ThresholdMode thresholdMode, WaveletDenoiser.SigmaRule sigma)
        implements FilterStep {

    public static final String TYPE = "wavelet";

    static final int MAX_LEVEL = 20;
    private static final List<String> FAMILIES = List.of("haar", "db", "sym", "coif");

    public WaveletStep {
        Wavelet.named(wavelet);
        if (level != null && (level < 1 || level > MAX_LEVEL)) {
            throw new IllegalArgumentException(
                    "wavelet: level must be 1..20 (or null for the desktop's rule), got " + level);
        }
    }

    static final ParameterRule WAVELET = ParameterRule.choice(
            "wavelet",
            "db4",
            Wavelet.names().stream().sorted(WaveletStep::byFamilyAndNumber).toList());
    static final ParameterRule LEVEL = ParameterRule.integer("level", null, 1, MAX_LEVEL)
            .orNull()
            .note("null: the desktop's rule min(floor(log2 N), 10)");
    static final ParameterRule THRESHOLD_MODE = ParameterRule.choice(
            "threshold_mode",
            "soft",
            Arrays.stream(WaveletDenoiser.ThresholdMode.values())
                    .map(WaveletDenoiser.ThresholdMode::key)
                    .toList());
    static final ParameterRule SIGMA = ParameterRule.choice(
                    "sigma",
                    "mad",
                    Arrays.stream(WaveletDenoiser.SigmaRule.values())
                            .map(WaveletDenoiser.SigmaRule::key)
                            .toList())
            .note("mad: median(|d - median d|)/0.6745, the desktop's; median_abs: median(|d|)/0.6745");

    /** Every parameter with its default and bounds: what fromJson reads and GET /api/config answers. */
    public static final List<ParameterRule> RULES = List.of(WAVELET, LEVEL, THRESHOLD_MODE, SIGMA);

    static WaveletStep fromJson(Params p) {
        p.allowOnly(Set.of("type", "wavelet", "level", "threshold_mode", "sigma"));
        Integer level = p.has("level") ? p.integer(LEVEL) : null;
        return new WaveletStep(
                p.choice(WAVELET),
                level,
                WaveletDenoiser.ThresholdMode.parse(p.choice(THRESHOLD_MODE)),
                WaveletDenoiser.SigmaRule.parse(p.choice(SIGMA)));
    }

    /** haar, db1, db2, ..., db20, sym2, ..., coif17: the order a list shows them in. */
    private static int byFamilyAndNumber(String a, String b) {
        String fa = a.replaceAll("\\d", "");
        String fb = b.replaceAll("\\d", "");
        if (!fa.equals(fb)) return Integer.compare(FAMILIES.indexOf(fa), FAMILIES.indexOf(fb));
        return Integer.compare(number(a), number(b));
    }

    private static int number(String name) {
        String digits = name.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int desktopRank() {
        return 2;
    }

    @Override
    public double[] apply(double[] x, double sampleRateHz) {
        return new WaveletDenoiser(Wavelet.named(wavelet), level, thresholdMode, sigma).apply(x);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = typedJson();
        n.put("wavelet", wavelet);
        if (level == null) n.putNull("level");
        else n.put("level", level);
        n.put("threshold_mode", thresholdMode.key());
        n.put("sigma", sigma.key());
        return n;
    }
}
