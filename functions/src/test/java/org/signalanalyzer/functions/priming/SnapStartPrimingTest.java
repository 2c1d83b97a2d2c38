package org.signalanalyzer.functions.priming;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.functions.ApiGatewayFunction;
import org.signalanalyzer.functions.hardening.StorageRelay;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.S3ProxyServer;

/**
 * The priming hook is a bean of the Lambda context and runs a complete analysis, the API handler and the SDK
 * clients' construction, and needs no network: its container's storage is unreachable here.
 */
class SnapStartPrimingTest {

    @Test
    void theHookIsRegisteredAndRunsARealAnalysis() {
        SnapStartPriming priming = ApiHarness.handler().getApplicationContext().getBean(SnapStartPriming.class);
        AnalysisResult r = priming.prime();
        assertEquals(199, r.purpleDepol().length, "the desktop's purple curve length");
        assertTrue(Double.isFinite(r.capacitanceNf()) && Double.isFinite(r.qDepolPc()), r.toString());
    }

    @Test
    void theHookSendsApiEventsThroughTheHandlerAndBuildsTheClientsWithoutTheNetwork() throws Exception {
        try (StorageRelay down = new StorageRelay(S3ProxyServer.get().endpoint())) {
            down.mode(StorageRelay.Mode.DOWN);
            ApiGatewayFunction offline = ApiHarness.handlerBehind(down.endpoint(), down.endpoint());
            try {
                SnapStartPriming priming = offline.getApplicationContext().getBean(SnapStartPriming.class);
                assertEquals(List.of(200, 404), priming.primeApi(), "the OpenAPI document, then the error handlers");
                assertTrue(
                        priming.buildClients()
                                .containsAll(List.of("S3Client", "S3Presigner", "BlobStore", "SessionStore")),
                        priming.buildClients().toString());
                assertDoesNotThrow(() -> priming.beforeCheckpoint(null));
            } finally {
                offline.close();
            }
        }
    }
}
