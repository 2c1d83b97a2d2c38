package org.signalanalyzer.functions.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalanalyzer.functions.support.ApiHarness.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.filter.FilterChain;
import org.signalanalyzer.dsp.filter.SavitzkyGolay;
import org.signalanalyzer.functions.analyses.ChargeVoltageController;
import org.signalanalyzer.functions.jobs.JobController;

/**
 * {@code GET /api/config} answers without a session, cacheable, with shared-dsp's presets and defaults as they are
 * applied (compared with the classes that apply them, not with copies of their numbers), the configured upload
 * limit, and rules the process call enforces exactly at their bounds.
 */
class ConfigEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theConfigIsSharedDspsOwnAndTheLimitConfigured() throws Exception {
        var r = call("GET", "/api/config", null, null);
        assertEquals(200, r.status(), r.toString());
        assertEquals("public, max-age=300", r.header("Cache-Control"));
        JsonNode c = r.json();
        for (String preset : FilterChain.presetNames()) {
            assertEquals(
                    JSON.readTree(FilterChain.preset(preset).toJson().toString()),
                    c.get("filter").get("presets").get(preset),
                    preset);
        }
        JsonNode savgol = c.get("filter").get("steps").get(0);
        assertEquals("savgol", savgol.get("type").asText());
        assertEquals(
                SavitzkyGolay.MAX_WINDOW,
                savgol.get("parameters").get(0).get("max").asInt());
        JsonNode params = c.get("analysis").get("defaults").get("params");
        ProtocolParameters d = ProtocolParameters.DESKTOP_DEFAULTS;
        assertEquals(d.nCycles(), params.get("nCycles").asInt());
        assertEquals(d.t0Ms(), params.get("t0Ms").asDouble());
        assertEquals(d.v1Mv(), params.get("v1Mv").asDouble());
        assertEquals(d.v2Mv(), params.get("v2Mv").asDouble());
        assertEquals(52_428_800L, c.get("uploads").get("maxBytes").asLong(), "application.yml's default");
        assertTrue(c.get("uploads").get("extensions").toString().contains(".atf"));
        JsonNode sets = c.get("exports").get("labSets");
        assertEquals("batch", sets.get("chain").get("preset").asText());
        assertEquals(35, sets.get("startingPoint").asInt());
        assertEquals(5, c.get("exports").get("layouts").size());
        JsonNode cv = c.get("chargeVoltage");
        assertEquals(
                ChargeVoltageController.MAX_FILES_PER_CALL,
                cv.get("maxFilesPerCall").asInt(),
                "the limit the charge-voltage call enforces");
        assertEquals(JobController.MAX_FILES, cv.get("maxFilesPerJob").asInt());
    }

    @Test
    void theProcessCallRefusesExactlyWhatTheRulesRefuse() throws Exception {
        ProcessFlowTest.upload();
        JsonNode rules =
                call("GET", "/api/config", null, null).json().get("analysis").get("parameters");
        JsonNode nCycles = null;
        for (JsonNode rule : rules) if (rule.get("name").asText().equals("nCycles")) nCycles = rule;
        int max = nCycles.get("max").asInt();
        var above = call(
                "POST",
                "/api/sessions/" + ProcessFlowTest.sid + "/analyses",
                ProcessFlowTest.token,
                Map.of("fileId", ProcessFlowTest.fileId, "params", Map.of("nCycles", max + 1)));
        assertEquals(400, above.status(), above.toString());
        assertTrue(above.json().get("message").asText().contains("nCycles"), above.toString());
        var below = call(
                "POST",
                "/api/sessions/" + ProcessFlowTest.sid + "/analyses",
                ProcessFlowTest.token,
                Map.of(
                        "fileId",
                        ProcessFlowTest.fileId,
                        "params",
                        Map.of("nCycles", nCycles.get("min").asInt() - 1)));
        assertEquals(400, below.status(), below.toString());
        // At the bound the parameter is taken; the recording then decides (it has 2 cycles, not 10): 422, not 400.
        var at = call(
                "POST",
                "/api/sessions/" + ProcessFlowTest.sid + "/analyses",
                ProcessFlowTest.token,
                Map.of("fileId", ProcessFlowTest.fileId, "params", Map.of("nCycles", max)));
        assertNotEquals(400, at.status(), at.toString());
    }
}
