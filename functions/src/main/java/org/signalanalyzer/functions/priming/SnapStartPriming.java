package org.signalanalyzer.functions.priming;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.crac.Core;
import org.crac.Resource;
import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.Integrals;
import org.signalanalyzer.dsp.analysis.IntegrationRanges;
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
import org.signalanalyzer.functions.ApiGatewayFunction;
import org.signalanalyzer.functions.store.BlobStore;
import org.signalanalyzer.functions.store.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * SnapStart priming: before Lambda snapshots a published version, run a real analysis (filter chain, desktop
 * pipeline, integrals, JSON round trip, decimation, a workbook) of a small synthetic step recording, send two
 * synthetic API Gateway events through the API handler (routing, the event adapters, JSON, the error handlers)
 * and build the AWS SDK clients, so the snapshot holds those classes loaded and their hot paths compiled. Nothing
 * in it touches the network: the events ask for routes that need no storage, and SDK clients connect only on
 * their first call. On a JVM without CRaC the registration is a no-op. The recording is made here only to
 * exercise the code; nothing of it is kept.
 */
@Context
@Requires(property = "signal.priming.enabled", value = "true", defaultValue = "true")
public class SnapStartPriming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    private static final double FS = 100_000;

    private final ApplicationContext application;

    public SnapStartPriming(ApplicationContext application) {
        this.application = application;
        Core.getGlobalContext().register(this);
    }

    @Override
    // CHECKSTYLE.ALLOW fullyQualifiedName: two imported classes are named Context (CRaC and Micronaut)
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        long start = System.nanoTime();
        AnalysisResult result = prime();
        List<String> clients = buildClients();
        List<Integer> answers = primeApi();
        LOG.info(
                "SnapStart priming ran an analysis (C = {} nF), built {}, answered {} in {} ms",
                result.capacitanceNf(),
                clients,
                answers,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The SDK clients this function's beans use, built (no request is sent); answers their names. */
    public List<String> buildClients() {
        List<String> built = new ArrayList<>();
        for (Class<?> type :
                List.of(S3Client.class, S3Presigner.class, BlobStore.class, SessionStore.class, LambdaClient.class)) {
            if (application.findBean(type).isPresent()) built.add(type.getSimpleName());
        }
        return built;
    }

    /**
     * Two API Gateway events through the API handler on this context: the OpenAPI document (a 200 with a body)
     * and an unknown route (the error handlers' 404). Answers the status codes.
     */
    public List<Integer> primeApi() {
        ApiGatewayFunction handler = new ApiGatewayFunction(application);
        List<Integer> statuses = new ArrayList<>();
        for (String path : List.of("/api/openapi.yml", "/api/priming-no-such-route")) {
            APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                    .withHttpMethod("GET")
                    .withPath(path)
                    .withHeaders(Map.of("Accept", "*/*"))
                    .withMultiValueHeaders(Map.of("Accept", List.of("*/*")));
            statuses.add(handler.handleRequest(event, new StandInLambdaContext("snapstart-priming", "priming", 512))
                    .getStatusCode());
        }
        return statuses;
    }

    @Override
    // CHECKSTYLE.ALLOW fullyQualifiedName: two imported classes are named Context (CRaC and Micronaut)
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to reopen: the AWS clients open connections on first use.
    }

    /** Runs the whole science path once; answers the analysis so a test can see it really ran. */
    public AnalysisResult prime() {
        Recording recording = stepRecording();
        AnalysisRequest request = new AnalysisRequest(
                AnalysisMode.DESKTOP,
                ProtocolParameters.DESKTOP_DEFAULTS,
                StartingPoint.given(StartingPoint.DESKTOP_DEFAULT),
                FilterChain.preset("batch"),
                null,
                0,
                0,
                null);
        AnalysisResult result =
                StepProtocolAnalysis.run(recording, request, new StepProtocolAnalysis.Input("priming.atf", "0"));
        result = AnalysisResult.fromJson(result.toJson());
        Integrals.of(result, IntegrationRanges.points(0, 100, 0, 100));
        double[] samples = recording.samples(0, 0);
        Decimation.envelope(samples, 0, samples.length, 0, 1 / FS, 1200);
        try {
            new Exporter(Clock.systemUTC())
                    .write(
                            Layout.FULL,
                            List.of(new NamedAnalysis("priming", "priming.atf", result)),
                            new ByteArrayOutputStream());
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
        Random noise = new Random(7);
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
        return new Recording(
                "priming.atf",
                RecordingFormat.ATF,
                "1.0",
                AcquisitionMode.EPISODIC_STIMULATION,
                1 / FS,
                0,
                List.of(new Channel("Im", "pA"), new Channel("Vm", "mV")),
                new double[] {0},
                new double[][][] {{current, voltage}},
                List.of(),
                "",
                null,
                Map.of());
    }
}
