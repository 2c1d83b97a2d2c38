package org.signalanalyzer.dsp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signalanalyzer.dsp.io.Channel;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingReaders;
import org.signalanalyzer.dsp.io.Tag;

/** {@code info FILE [--json]}: what a recording holds. */
final class InfoCommand implements Command {

    @Override public String name() { return "info"; }

    @Override public String usage() { return "info FILE [--json]"; }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        boolean json = args.flag("json");
        args.rejectUnknown();
        Path file = Path.of(args.positional(0, "FILE"));
        Recording r = RecordingReaders.read(file);
        Map<String, Object> info = describe(r);
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(info));
        } else {
            printTable(info, out);
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
        for (Channel c : r.channels()) channels.add(Map.of("name", c.name(), "unit", c.unit()));
        m.put("channels", channels);
        m.put("sweepStartTimesS", r.sweepStartTimesS());
        List<Map<String, Object>> tags = new ArrayList<>();
        for (Tag t : r.tags()) tags.add(Map.of("timeS", t.timeS(), "comment", t.comment()));
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
        s.put("first5", java.util.Arrays.copyOf(x, Math.min(5, x.length)));
        m.put("sweep0Channel0", s);
        return m;
    }

    private static void printTable(Map<String, Object> info, PrintStream out) {
        for (var e : info.entrySet()) {
            Object v = e.getValue();
            String text = v instanceof double[] d ? java.util.Arrays.toString(d) : String.valueOf(v);
            out.printf("%-18s %s%n", e.getKey(), text);
        }
    }
}
