package org.signalanalyzer.dsp.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.signalanalyzer.dsp.filter.Butterworth;
import org.signalanalyzer.dsp.filter.FilterChain;
import org.signalanalyzer.dsp.filter.FilterMetrics;
import org.signalanalyzer.dsp.filter.IirFiltering;
import org.signalanalyzer.dsp.filter.SavitzkyGolay;
import org.signalanalyzer.dsp.filter.Wavelet;
import org.signalanalyzer.dsp.filter.WaveletDenoiser;
import org.signalanalyzer.dsp.filter.WelchPsd;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingReaders;

/**
 * {@code filter --case CASE.json}: one reference case (golden format: op, fs_hz, params, input) computed by the
 * project, printed as {@code {"output": [...]}}. {@code filter FILE ...}: a recording's trace through a filter chain,
 * written as CSV (time_s, raw, filtered); the chain as run and the metrics of the residual go to stdout as JSON.
 */
final class FilterCommand implements Command {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "filter";
    }

    @Override
    public String usage() {
        return "filter --case CASE.json | filter FILE [--sweep K] [--channel C] (--chain CHAIN.json | --preset "
                + String.join("|", FilterChain.presetNames()) + ") [--out OUT.csv]";
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        Optional<String> casePath = args.option("case");
        if (casePath.isPresent()) {
            args.rejectUnknown();
            if (!args.positional().isEmpty()) throw new UsageException("--case takes no FILE");
            ObjectNode result = JSON.createObjectNode();
            ArrayNode arr = result.putArray("output");
            for (double v : runCase(caseJson(casePath.get()))) arr.add(v);
            out.println(JSON.writeValueAsString(result));
            return;
        }
        int sweep = args.intOption("sweep", 0);
        int channel = args.intOption("channel", 0);
        Optional<String> chainPath = args.option("chain");
        Optional<String> preset = args.option("preset");
        Optional<String> outPath = args.option("out");
        args.rejectUnknown();
        String file = args.positional(0, "FILE (or --case CASE.json)");
        if (chainPath.isPresent() == preset.isPresent()) throw new UsageException("give one of --chain or --preset");
        FilterChain chain = chainPath.isPresent()
                ? FilterChain.fromJson(CommandLinePaths.utf8(chainPath.get(), "--chain"))
                : FilterChain.preset(preset.get());
        Path target = outPath.isPresent() ? CommandLinePaths.outputFile(outPath.get(), "--out") : null;
        Recording r = RecordingReaders.read(CommandLinePaths.input(file, "FILE"));
        if (sweep < 0 || sweep >= r.sweepCount()) {
            throw new IllegalArgumentException(
                    "--sweep " + sweep + " is out of range: " + file + " has sweeps 0.." + (r.sweepCount() - 1));
        }
        if (channel < 0 || channel >= r.channelCount()) {
            throw new IllegalArgumentException("--channel " + channel + " is out of range: " + file
                    + " has channels 0.." + (r.channelCount() - 1));
        }
        double[] raw = r.samples(sweep, channel);
        double[] filtered = chain.apply(raw, r.sampleRateHz());
        if (outPath.isPresent()) {
            try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                writeCsv(w, r, raw, filtered);
            }
        } else {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writeCsv(w, r, raw, filtered);
            w.flush();
            return;
        }
        ObjectNode summary = JSON.createObjectNode();
        summary.put("file", file);
        summary.put("sweep", sweep);
        summary.put("channel", channel);
        summary.put("samples", raw.length);
        summary.put("sample_rate_hz", r.sampleRateHz());
        summary.set("chain", chain.toJson());
        summary.set("metrics", JSON.valueToTree(FilterMetrics.of(raw, filtered).asMap()));
        summary.put("out", outPath.get());
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
    }

    private static void writeCsv(Writer w, Recording r, double[] raw, double[] filtered) throws IOException {
        w.write("time_s,raw,filtered\n");
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < raw.length; i++) {
            line.setLength(0);
            line.append(r.timeS(i))
                    .append(',')
                    .append(raw[i])
                    .append(',')
                    .append(filtered[i])
                    .append('\n');
            w.write(line.toString());
        }
    }

    private static JsonNode caseJson(String path) throws IOException, UsageException {
        String text = CommandLinePaths.utf8(path, "--case");
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UsageException("--case: '" + path + "' is not JSON: " + e.getOriginalMessage());
        }
    }

    /** The output of one golden case's op, parameters as the golden README describes them. */
    static double[] runCase(JsonNode c) throws UsageException {
        String op = text(c, "op");
        double fs = c.path("fs_hz").asDouble(Double.NaN);
        JsonNode p = c.path("params");
        JsonNode inputNode = c.get("input");
        if (inputNode == null || !inputNode.isArray()) throw new UsageException("case has no 'input' list");
        double[] x = new double[inputNode.size()];
        for (int i = 0; i < x.length; i++) x[i] = inputNode.get(i).asDouble();
        switch (op) {
            case "savgol": {
                int deriv = p.path("deriv").asInt(0);
                return new SavitzkyGolay(
                                p.path("window").asInt(),
                                p.path("polyorder").asInt(),
                                deriv,
                                deriv == 0 ? 1.0 : 1.0 / fs,
                                SavitzkyGolay.Mode.parse(p.path("mode").asText("interp")),
                                p.path("cval").asDouble(0))
                        .apply(x);
            }
            case "butter_lfilter":
            case "butter_filtfilt":
            case "butter_sosfiltfilt": {
                JsonNode cut = p.get("cutoff_hz");
                if (cut == null) throw new UsageException("case params need 'cutoff_hz'");
                double[] cutoff = cut.isArray()
                        ? new double[] {cut.get(0).asDouble(), cut.get(1).asDouble()}
                        : new double[] {cut.asDouble()};
                Butterworth f = Butterworth.designHz(
                        Butterworth.BandType.parse(p.path("btype").asText("lowpass")),
                        p.path("order").asInt(),
                        fs,
                        cutoff);
                if (op.equals("butter_lfilter")) return IirFiltering.lfilter(f.b(), f.a(), x);
                if (op.equals("butter_filtfilt")) return IirFiltering.filtfilt(f.b(), f.a(), x);
                return IirFiltering.sosfiltfilt(f.sos(), x);
            }
            case "wavelet_denoise": {
                Integer level = p.hasNonNull("level") ? p.get("level").asInt() : null;
                WaveletDenoiser.SigmaRule rule = p.hasNonNull("sigma")
                        ? WaveletDenoiser.SigmaRule.parse(p.get("sigma").asText())
                        : WaveletDenoiser.SigmaRule.MEDIAN_ABS;
                return new WaveletDenoiser(
                                Wavelet.named(p.path("wavelet").asText("db4")),
                                level,
                                WaveletDenoiser.ThresholdMode.parse(
                                        p.path("threshold_mode").asText("soft")),
                                rule)
                        .apply(x);
            }
            case "welch_psd":
                return WelchPsd.compute(x, fs, p.path("nperseg").asInt(256)).density();
            default:
                throw new UsageException("unknown case op '" + op + "' (savgol, butter_lfilter, butter_filtfilt, "
                        + "butter_sosfiltfilt, wavelet_denoise, welch_psd)");
        }
    }

    private static String text(JsonNode c, String field) throws UsageException {
        JsonNode v = c.get(field);
        if (v == null || !v.isTextual()) throw new UsageException("case has no '" + field + "'");
        return v.asText();
    }
}
