package org.signalanalyzer.dsp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signalanalyzer.dsp.io.Channel;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingReaders;
import org.signalanalyzer.dsp.io.Tag;

/** {@code info FILE [--json]}: what a recording holds. */
final class InfoCommand implements Command {

    /** Long lists (sweep start times of hundreds of sweeps) are cut in the table; --json always has them all. */
    private static final int TABLE_LIST_ITEMS = 10;

    @Override
    public String name() {
        return "info";
    }

    @Override
    public String usage() {
        return "info FILE [--json]";
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        boolean json = args.flag("json");
        args.rejectUnknown();
        Path file = CommandLinePaths.input(args.positional(0, "FILE"), "FILE");
        Recording r = RecordingReaders.read(file);
        Map<String, Object> info = describe(r);
        if (json) {
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(info));
        } else {
            printTable(r, info, out);
        }
    }

    static Map<String, Object> describe(Recording r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", r.format().name());
        m.put("formatVersion", r.formatVersion());
        m.put("acquisitionMode", r.acquisitionMode().label());
        m.put("sweepCount", r.sweepCount());
        m.put("samplesPerSweep", r.samplesPerSweep());
        m.put("sampleRateHz", r.sampleRateHz());
        List<Map<String, String>> channels = new ArrayList<>();
        for (Channel c : r.channels()) {
            Map<String, String> ch = new LinkedHashMap<>();
            ch.put("name", c.name());
            ch.put("unit", c.unit());
            channels.add(ch);
        }
        m.put("channels", channels);
        m.put("sweepStartTimesS", r.sweepStartTimesS());
        List<Map<String, Object>> tags = new ArrayList<>();
        for (Tag t : r.tags()) {
            Map<String, Object> tag = new LinkedHashMap<>();
            tag.put("timeS", t.timeS());
            tag.put("comment", t.comment());
            tags.add(tag);
        }
        m.put("tags", tags);
        double[] x = r.samples(0, 0);
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("mean", sum / x.length);
        s.put("min", min);
        s.put("max", max);
        s.put("first5", Arrays.copyOf(x, Math.min(5, x.length)));
        m.put("sweep0Channel0", s);
        return m;
    }

    private static void printTable(Recording r, Map<String, Object> info, PrintStream out) {
        row(out, "file", r.sourceName());
        row(out, "format", info.get("format") + " " + info.get("formatVersion"));
        row(out, "acquisition mode", info.get("acquisitionMode"));
        row(out, "sweeps", r.sweepCount() + " × " + r.samplesPerSweep() + " samples");
        row(
                out,
                "sample rate",
                number(r.sampleRateHz()) + " Hz (interval " + number(r.sampleIntervalS() * 1e6) + " µs)");
        List<String> channels = new ArrayList<>();
        for (Channel c : r.channels()) channels.add(c.unit().isEmpty() ? c.name() : c.name() + " (" + c.unit() + ")");
        row(out, "channels", String.join(", ", channels));
        row(out, "sweep starts (s)", list(r.sweepStartTimesS()));
        if (r.tags().isEmpty()) {
            row(out, "tags", "none");
        } else {
            for (int i = 0; i < r.tags().size(); i++) {
                Tag t = r.tags().get(i);
                row(out, i == 0 ? "tags" : "", number(t.timeS()) + " s  " + t.comment());
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) info.get("sweep0Channel0");
        String unit = r.channels().get(0).unit();
        String suffix = unit.isEmpty() ? "" : " " + unit;
        row(
                out,
                "sweep 0, channel 0",
                "mean " + number((double) s.get("mean")) + suffix + ", min " + number((double) s.get("min")) + suffix
                        + ", max " + number((double) s.get("max")) + suffix);
        row(out, "  first 5", list((double[]) s.get("first5")));
    }

    private static void row(PrintStream out, String key, Object value) {
        out.printf("%-19s %s%n", key, value);
    }

    private static String list(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(values.length, TABLE_LIST_ITEMS); i++) {
            if (i > 0) sb.append(", ");
            sb.append(number(values[i]));
        }
        if (values.length > TABLE_LIST_ITEMS)
            sb.append(", … (").append(values.length).append(" in all)");
        return sb.toString();
    }

    /** At most 10 significant digits, without trailing zeros: 403.2258065, 0.00005, 20000. */
    private static String number(double v) {
        if (!Double.isFinite(v)) return String.valueOf(v);
        if (v == 0) return "0";
        return new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros().toPlainString();
    }
}
