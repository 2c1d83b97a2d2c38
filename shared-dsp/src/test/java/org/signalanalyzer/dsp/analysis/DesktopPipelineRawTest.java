package org.signalanalyzer.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.SharedData;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingReaders;

class DesktopPipelineRawTest {
    @Test
    void raw() throws Exception {
        Recording r = RecordingReaders.read(SharedData.desktop("202304_0521.atf"));
        JsonNode cases = new ObjectMapper().readTree(SharedData.desktop("expected-desktop.json").toFile()).get("cases");
        for (JsonNode c : cases) {
            if (!c.get("filters").isNull()) continue;
            double[] x = r.samples(0, 0);
            DesktopPipeline.Outcome o = DesktopPipeline.run(x, DesktopTimeBase.of(x.length, r.sampleIntervalS()),
                    ProtocolParameters.DESKTOP_DEFAULTS,
                    c.get("auto_optimize_starting_point").asBoolean() ? StartingPoint.AUTO : StartingPoint.given(35));
            System.out.println(c.get("case") + " n=" + o.startingPoint() + " baseline " + o.baselinePa());
            report("orange", c.get("orange"), o.orange().values());
            report("orange_t", c.get("orange_t_s"), o.orange().timesS());
            report("normalized", c.get("normalized"), o.curves().normalized().values());
            report("average", c.get("average"), o.curves().average().values());
            report("hyper", c.get("purple_hyperpol"), o.curves().purple().hyperpol().values());
            report("depol", c.get("purple_depol"), o.curves().purple().depol().values());
        }
    }

    static void report(String name, JsonNode e, double[] a) {
        double worst = 0;
        int at = -1;
        for (int i = 0; i < e.size(); i++) {
            double x = e.get(i).asDouble();
            double err = Math.abs(a[i] - x) / Math.max(1, Math.abs(x));
            if (err > worst) { worst = err; at = i; }
        }
        System.out.println("  " + name + " n=" + a.length + "/" + e.size() + " worst " + worst + " at " + at);
    }
}
