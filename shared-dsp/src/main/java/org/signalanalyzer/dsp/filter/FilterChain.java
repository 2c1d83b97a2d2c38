package org.signalanalyzer.dsp.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An ordered list of filter steps applied to one trace, as the API and the browser describe it in JSON.
 *
 * <h2>JSON format</h2>
 * Either a preset, {@code {"preset": "batch"}}, or steps:
 * <pre>{@code
 * {"steps": [
 *    {"type": "savgol", "window": 51, "polyorder": 3},
 *    {"type": "butterworth", "btype": "lowpass", "order": 5, "wn": 0.1, "application": "desktop"}
 *  ],
 *  "desktop_order": false}
 * }</pre>
 * {@code desktop_order} (default false) sorts the steps into the desktop's fixed order (Savitzky–Golay → wavelet →
 * Butterworth → extract–add → FFT) instead of the listed order. Step types and their parameters (default in
 * brackets):
 * <ul>
 * <li>{@code savgol}: {@code window} [51] (odd, at most 10001, and in mode interp at most the trace's length; an
 *     even window is raised by one, as the desktop does), {@code polyorder} [3] (0–20, below the window),
 *     {@code deriv} [0] (derivatives per second), {@code mode} [interp] (interp, mirror,
 *     nearest, constant, wrap), {@code cval} [0] (padding for constant).</li>
 * <li>{@code butterworth}: {@code btype} [lowpass] (lowpass, highpass, bandpass, bandstop), {@code order} [5] (1–10),
 *     exactly one of {@code wn} (fraction of Nyquist, 0 &lt; wn &lt; 1; a list of two for band types) or
 *     {@code cutoff_hz} (Hz at the recording's rate; below Nyquist), {@code application} [desktop] (desktop: forward
 *     then backward, zero state, no padding; sosfiltfilt; filtfilt; sosfilt; lfilter).</li>
 * <li>{@code wavelet}: {@code wavelet} [db4] (haar, db1–db20, sym2–sym20, coif1–coif17), {@code level} [null: the
 *     desktop's min(⌊log2 N⌋, 10); not capped at PyWavelets' dwt_max_level, as the desktop], {@code threshold_mode}
 *     [soft] (soft, hard), {@code sigma} [mad] (mad: median(|d − median d|)/0.6745, the desktop's; median_abs:
 *     median(|d|)/0.6745, the standard).</li>
 * <li>{@code extract_add}: {@code window} [51] (as savgol's), {@code polyorder} [3], {@code prominence} [200],
 *     {@code width_range} [[1, 50]] (samples). Returns its input unchanged where no event is found.</li>
 * <li>{@code fft}: {@code threshold} [0.2] (fraction of the largest magnitude), {@code min_hz} and {@code max_hz}
 *     [null] (a band, both or neither).</li>
 * </ul>
 * {@link #toJson()} writes the steps with every parameter filled in, so a stored result says exactly what ran.
 * Whole-number parameters must be written as whole numbers within Java's int range (never wrapped or clamped).
 * Invalid input raises {@link IllegalArgumentException} naming the step and the parameter.
 *
 * <h2>Presets</h2>
 * {@code raw}: no step. {@code gui-default}: Savitzky–Golay 51/3 → Butterworth low-pass wn 0.1, order 5, desktop
 * pass (the desktop GUI's defaults; its fs is hard-coded 1000 Hz and its cutoff ≤ 1 is a fraction of Nyquist).
 * {@code batch}: Savitzky–Golay 101/3 → Butterworth low-pass 2 kHz at the recording's rate, order 2, desktop pass
 * (the desktop's batch and multi-file processing).
 */
public final class FilterChain {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<FilterStep> steps;
    private final boolean desktopOrder;
    private final String preset;

    public FilterChain(List<FilterStep> steps, boolean desktopOrder) {
        this(steps, desktopOrder, null);
    }

    private FilterChain(List<FilterStep> steps, boolean desktopOrder, String preset) {
        this.steps = List.copyOf(steps);
        this.desktopOrder = desktopOrder;
        this.preset = preset;
    }

    /** The names {@link #preset(String)} knows. */
    public static List<String> presetNames() {
        return List.of("raw", "gui-default", "batch");
    }

    public static FilterChain preset(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "raw":
                return new FilterChain(List.of(), false, "raw");
            case "gui-default":
                return new FilterChain(
                        List.of(
                                new SavgolStep(51, 3),
                                ButterworthStep.lowpassWn(5, 0.1, ButterworthStep.Application.DESKTOP)),
                        false,
                        "gui-default");
            case "batch":
                return new FilterChain(
                        List.of(
                                new SavgolStep(101, 3),
                                ButterworthStep.lowpassHz(2, 2000.0, ButterworthStep.Application.DESKTOP)),
                        false,
                        "batch");
            default:
                throw new IllegalArgumentException(
                        "unknown filter preset '" + name + "': expected one of " + String.join(", ", presetNames()));
        }
    }

    public static FilterChain fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("filter chain is not valid JSON: " + e.getOriginalMessage());
        }
        return fromJson(root);
    }

    public static FilterChain fromJson(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("filter chain must be a JSON object with 'steps' or 'preset'");
        }
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!n.equals("steps") && !n.equals("preset") && !n.equals("desktop_order")) {
                throw new IllegalArgumentException(
                        "filter chain: unknown field '" + n + "' (known: steps, preset, desktop_order)");
            }
        }
        if (root.has("preset")) {
            if (root.has("steps")) {
                throw new IllegalArgumentException("filter chain: give either 'preset' or 'steps', not both");
            }
            if (!root.get("preset").isTextual()) {
                throw new IllegalArgumentException("filter chain: 'preset' must be a name, got " + root.get("preset"));
            }
            return preset(root.get("preset").asText());
        }
        JsonNode stepsNode = root.get("steps");
        if (stepsNode == null || !stepsNode.isArray()) {
            throw new IllegalArgumentException("filter chain: 'steps' must be a list of steps");
        }
        List<FilterStep> steps = new ArrayList<>();
        for (int i = 0; i < stepsNode.size(); i++) steps.add(stepFromJson(stepsNode.get(i), i));
        JsonNode order = root.get("desktop_order");
        if (order != null && !order.isBoolean()) {
            throw new IllegalArgumentException("filter chain: 'desktop_order' must be true or false, got " + order);
        }
        return new FilterChain(steps, order != null && order.asBoolean());
    }

    private static FilterStep stepFromJson(JsonNode node, int index) {
        String where = "filter step " + index;
        if (node == null || !node.isObject()) throw new IllegalArgumentException(where + " must be a JSON object");
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            throw new IllegalArgumentException(where + ": missing 'type' (" + String.join(", ", stepTypes()) + ")");
        }
        String named = where + " (" + type.asText() + ")";
        Params p = new Params(node, named);
        try {
            switch (type.asText()) {
                case SavgolStep.TYPE:
                    return SavgolStep.fromJson(p);
                case ButterworthStep.TYPE:
                    return ButterworthStep.fromJson(p);
                case WaveletStep.TYPE:
                    return WaveletStep.fromJson(p);
                case ExtractAddStep.TYPE:
                    return ExtractAddStep.fromJson(p);
                case FftStep.TYPE:
                    return FftStep.fromJson(p);
                default:
                    throw new IllegalArgumentException(where + ": unknown step type '" + type.asText() + "' (known: "
                            + String.join(", ", stepTypes()) + ")");
            }
        } catch (IllegalArgumentException e) {
            // The steps' own checks do not know where the step stands in the chain.
            if (e.getMessage() != null && e.getMessage().startsWith(where)) throw e;
            throw new IllegalArgumentException(named + ": " + e.getMessage(), e);
        }
    }

    public static List<String> stepTypes() {
        return List.of(SavgolStep.TYPE, WaveletStep.TYPE, ButterworthStep.TYPE, ExtractAddStep.TYPE, FftStep.TYPE);
    }

    /** The steps in the order they run. */
    public List<FilterStep> steps() {
        if (!desktopOrder) return steps;
        List<FilterStep> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.comparingInt(FilterStep::desktopRank));
        return sorted;
    }

    public boolean desktopOrder() {
        return desktopOrder;
    }

    /** Runs every step in turn; x is not modified, the result has x's length. */
    public double[] apply(double[] x, double sampleRateHz) {
        if (!(sampleRateHz > 0) || Double.isInfinite(sampleRateHz)) {
            throw new IllegalArgumentException("filter chain needs a positive sample rate, got " + sampleRateHz);
        }
        double[] y = x;
        for (FilterStep s : steps()) y = s.apply(y, sampleRateHz);
        return y == x ? x.clone() : y;
    }

    /** The preset this chain came from, if any. */
    public Optional<String> presetName() {
        return Optional.ofNullable(preset);
    }

    /** The chain with every parameter written out; {@link #fromJson(String)} reads it back. */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode arr = root.putArray("steps");
        for (FilterStep s : steps) arr.add(s.toJson());
        root.put("desktop_order", desktopOrder);
        return root;
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
