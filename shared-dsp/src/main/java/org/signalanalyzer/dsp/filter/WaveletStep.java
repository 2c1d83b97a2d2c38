package org.signalanalyzer.dsp.filter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** Wavelet denoising as a chain step; level null means the desktop's rule min(⌊log2 N⌋, 10). */
public record WaveletStep(String wavelet, Integer level, WaveletDenoiser.ThresholdMode thresholdMode,
                          WaveletDenoiser.SigmaRule sigma) implements FilterStep {

    public static final String TYPE = "wavelet";

    public WaveletStep {
        Wavelet.named(wavelet);
        if (level != null && (level < 1 || level > 20)) {
            throw new IllegalArgumentException("wavelet: level must be 1..20 (or null for the desktop's rule), got "
                    + level);
        }
    }

    static WaveletStep fromJson(Params p) {
        p.allowOnly(Set.of("type", "wavelet", "level", "threshold_mode", "sigma"));
        Integer level = p.has("level") ? p.integer("level", 0) : null;
        return new WaveletStep(p.text("wavelet", "db4"), level,
                WaveletDenoiser.ThresholdMode.parse(p.text("threshold_mode", "soft")),
                WaveletDenoiser.SigmaRule.parse(p.text("sigma", "mad")));
    }

    @Override public String type() { return TYPE; }

    @Override public int desktopRank() { return 2; }

    @Override
    public double[] apply(double[] x, double sampleRateHz) {
        return new WaveletDenoiser(Wavelet.named(wavelet), level, thresholdMode, sigma).apply(x);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", TYPE);
        n.put("wavelet", wavelet);
        if (level == null) n.putNull("level"); else n.put("level", level);
        n.put("threshold_mode", thresholdMode.key());
        n.put("sigma", sigma.key());
        return n;
    }
}
