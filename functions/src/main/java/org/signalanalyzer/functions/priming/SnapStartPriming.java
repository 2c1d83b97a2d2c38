package org.signalanalyzer.functions.priming;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;
import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.IntegrationRanges;
import org.signalanalyzer.dsp.analysis.Integrals;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.analysis.StartingPoint;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.dsp.export.Exporter;
import org.signalanalyzer.dsp.export.Layout;
import org.signalanalyzer.dsp.export.NamedAnalysis;
import org.signalanalyzer.dsp.filter.FilterChain;
import org.signalanalyzer.dsp.io.AcquisitionMode;
import org.signalanalyzer.dsp.io.Channel;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingFormat;
import org.signalanalyzer.dsp.plot.Decimation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming: before Lambda snapshots a published version, run a real analysis (filter chain, desktop
 * pipeline, integrals, JSON round trip, decimation, a workbook) of a small synthetic step recording, so the
 * snapshot holds those classes loaded and their hot paths compiled. On a JVM without CRaC the registration is a
 * no-op. The recording is made here only to exercise the code; nothing of it is kept.
 */
@Context
@Requires(property = "signal.priming.enabled", value = "true", defaultValue = "true")
public class SnapStartPriming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    private static final double FS = 100_000;

    public SnapStartPriming() {
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        long start = System.nanoTime();
        AnalysisResult result = prime();
        LOG.info("SnapStart priming ran an analysis (C = {} nF) in {} ms", result.capacitanceNf(),
                (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to reopen: the AWS clients open connections on first use.
    }

    /** Runs the whole science path once; answers the analysis so a test can see it really ran. */
    public AnalysisResult prime() {
        Recording recording = stepRecording();
        AnalysisRequest request = new AnalysisRequest(AnalysisMode.DESKTOP, ProtocolParameters.DESKTOP_DEFAULTS,
                StartingPoint.given(StartingPoint.DESKTOP_DEFAULT), FilterChain.preset("batch"), null, 0, 0, null);
        AnalysisResult result = StepProtocolAnalysis.run(recording, request,
                new StepProtocolAnalysis.Input("priming.atf", "0"));
        result = AnalysisResult.fromJson(result.toJson());
        Integrals.of(result, IntegrationRanges.points(0, 100, 0, 100));
        double[] samples = recording.samples(0, 0);
        Decimation.envelope(samples, 0, samples.length, 0, 1 / FS, 1200);
        try {
            new Exporter(Clock.systemUTC()).write(Layout.FULL,
                    List.of(new NamedAnalysis("priming", "priming.atf", result)), new ByteArrayOutputStream());
        } catch (IOException e) {
            throw new IllegalStateException("priming export failed", e);
        }
        return result;
    }

    /**
     * 0.75 s at 100 kHz: holding −80 mV, two V1 cycles (−100 mV, 100 ms each way from 20 ms), then V2 (−20 mV)
     * for 100 ms; each step answers with a capacitive transient (τ 0.3 ms) on a small leak, plus fixed noise.
     */
    static Recording stepRecording() {
        int n = (int) (0.75 * FS);
        double[] onsetsS = {0.02, 0.12, 0.22, 0.32, 0.42, 0.52};
        double[] levels = {-80, -100, -80, -100, -80, -20, -80};
        double[] current = new double[n];
        double[] voltage = new double[n];
        java.util.Random noise = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            double t = i / FS;
            int step = 0;
            while (step < onsetsS.length && t >= onsetsS[step]) step++;
            double v = levels[step];
            double iPa = 2 * v;
            for (int k = 0; k < step; k++) {
                iPa += 30 * (levels[k + 1] - levels[k]) * Math.exp(-(t - onsetsS[k]) / 3e-4);
            }
            current[i] = iPa + noise.nextGaussian();
            voltage[i] = v + 0.05 * noise.nextGaussian();
        }
        return new Recording("priming.atf", RecordingFormat.ATF, "1.0", AcquisitionMode.EPISODIC_STIMULATION,
                1 / FS, 0, List.of(new Channel("Im", "pA"), new Channel("Vm", "mV")), new double[] {0},
                new double[][][] {{current, voltage}}, List.of(), "", null, Map.of());
    }
}
