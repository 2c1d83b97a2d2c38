package org.signalanalyzer.functions.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalanalyzer.functions.support.ApiHarness.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.analysis.SyntheticChargeVoltageCell;
import org.signalanalyzer.functions.analyses.ChargeVoltageController;
import org.signalanalyzer.functions.support.ApiHarness;

/**
 * Charge–voltage sets through the API (S3Proxy and dynalite behind the handler): a synthetic cell's set uploaded as
 * the lab's ATF files (one named without set or voltage and assigned in the body), fitted in one call, refitted
 * without a point from the stored analyses, and run as a job. Reference: the cell's own V½, k and Qmax, with the
 * known-answer bars (1.5 mV, 10 %, 3 %).
 */
class ChargeVoltageApiTest {

    static final double[] VOLTAGES = {-70, -55, -40, -30, -20, -10, 5, 30};
    static final SyntheticChargeVoltageCell CELL = new SyntheticChargeVoltageCell();
    static String sid;
    static String token;
    static final Map<String, Double> FILES = new LinkedHashMap<>();
    static String unnamed;
    static Map<String, Object> params;

    @BeforeAll
    static void uploadTheSet() throws Exception {
        CELL.fs = 20_000;
        CELL.vHalfMv = -27;
        CELL.slopeMv = 10;
        CELL.qMaxPc = 2;
        String[] s = ApiHarness.newSession();
        sid = s[0];
        token = s[1];
        int n = 60;
        for (double v : VOLTAGES) {
            String name = String.format(Locale.ROOT, "20240611_%04d_2_%dmV.atf", n++, (int) v);
            FILES.put(upload(name, v), v);
        }
        unnamed = upload("cell2 extra.atf", -48);
        FILES.put(unnamed, -48.0);
        ProtocolParameters p = CELL.parameters(-20);
        params = Map.of("t0Ms", p.t0Ms(), "t1Ms", p.t1Ms(), "t2Ms", p.t2Ms(), "v0Mv", p.v0Mv(), "v1Mv", p.v1Mv());
    }

    static String upload(String name, double v) throws Exception {
        String id = UploadFlowTest.upload(sid, token, name, CELL.atf(v), "application/octet-stream");
        var done = call("POST", "/api/sessions/" + sid + "/files/" + id + "/complete", token, null);
        assertEquals(200, done.status(), done.toString());
        return id;
    }

    static Map<String, Object> body(Object... more) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("fileIds", List.copyOf(FILES.keySet()));
        b.put("params", params);
        b.put("assignments", Map.of(unnamed, Map.of("set", "2", "voltageMv", -48)));
        for (int i = 0; i < more.length; i += 2) b.put((String) more[i], more[i + 1]);
        return b;
    }

    static void assertTheCell(JsonNode set, int dof) {
        JsonNode b = set.get("boltzmann");
        assertEquals(CELL.vHalfMv, b.get("vHalfMv").asDouble(), 1.5, set.toString());
        assertEquals(CELL.slopeMv, b.get("slopeMv").asDouble(), 0.1 * CELL.slopeMv);
        assertEquals(CELL.qMaxPc, b.get("qMaxPc").asDouble(), 0.03 * CELL.qMaxPc);
        assertEquals(dof, b.get("degreesOfFreedom").asInt());
        assertTrue(b.get("ci95").get("vHalfMv").get(0).asDouble()
                < b.get("vHalfMv").asDouble());
    }

    @Test
    void theFileListTellsTheSetAndVoltageEachNameGivesTheCall() {
        JsonNode files = call("GET", "/api/sessions/" + sid + "/files", token, null)
                .json()
                .get("files");
        int named = 0;
        for (JsonNode f : files) {
            String id = f.get("fileId").asText();
            if (id.equals(unnamed)) {
                assertTrue(f.get("setFromFileName").isNull(), f.toString());
                assertTrue(f.get("setVoltageFromFileName").isNull(), f.toString());
            } else if (FILES.containsKey(id)) {
                assertEquals("2", f.get("setFromFileName").asText(), f.toString());
                assertEquals(FILES.get(id), f.get("setVoltageFromFileName").asDouble(), 0, f.toString());
                named++;
            }
        }
        assertEquals(VOLTAGES.length, named);
    }

    @Test
    void oneCallAnalysesTheFilesAndFitsTheSet() {
        var r = call("POST", "/api/sessions/" + sid + "/charge-voltage", token, body());
        assertEquals(200, r.status(), r.toString());
        JsonNode n = r.json();
        assertEquals("standard", n.get("mode").asText(), "standard mode unless the body says otherwise");
        assertEquals(1, n.get("sets").size());
        JsonNode set = n.get("sets").get(0);
        assertEquals("2", set.get("set").asText());
        assertEquals(FILES.size(), set.get("points").size());
        for (JsonNode p : set.get("points")) {
            double v = FILES.get(p.get("id").asText());
            assertEquals(v, p.get("namedV2Mv").asDouble(), 0);
            assertEquals(CELL.movedChargePc(v), p.get("qDepolPc").asDouble(), 0.02 * CELL.qMaxPc, p.toString());
            assertFalse(p.get("excluded").asBoolean());
        }
        assertEquals("cell2 extra.atf", set.get("points").get(2).get("file").asText(), "in voltage order");
        assertTheCell(set, FILES.size() - 3);
        assertEquals(FILES.size(), n.get("analysisIds").size(), "one stored analysis per file");
        String analysisId = n.get("analysisIds").get(unnamed).asText();
        var stored = call("GET", "/api/sessions/" + sid + "/analyses/" + analysisId, token, null);
        assertEquals(200, stored.status());
        assertEquals(
                -48,
                stored.json()
                        .get("result")
                        .get("provenance")
                        .get("parameters")
                        .get("v2Mv")
                        .asDouble(),
                0,
                "each file is analysed at its own V2");
    }

    @Test
    void aRefitFromTheStoredAnalysesLeavesOutTheExcludedPoint() {
        JsonNode first = call("POST", "/api/sessions/" + sid + "/charge-voltage", token, body())
                .json();
        List<String> analysisIds = new ArrayList<>();
        first.get("analysisIds")
                .fields()
                .forEachRemaining(e -> analysisIds.add(e.getValue().asText()));
        String dropped = FILES.keySet().iterator().next();
        var r = call(
                "POST",
                "/api/sessions/" + sid + "/charge-voltage",
                token,
                Map.of(
                        "analysisIds",
                        analysisIds,
                        "assignments",
                        Map.of(unnamed, Map.of("set", "2")),
                        "excluded",
                        List.of(dropped)));
        assertEquals(200, r.status(), r.toString());
        JsonNode set = r.json().get("sets").get(0);
        for (int i = 0; i < FILES.size(); i++) {
            JsonNode p = set.get("points").get(i);
            JsonNode before = first.get("sets").get(0).get("points").get(i);
            assertEquals(before.get("qDepolPc").asDouble(), p.get("qDepolPc").asDouble(), 0, "no analysis re-run");
            assertEquals(p.get("id").asText().equals(dropped), p.get("excluded").asBoolean());
        }
        assertTheCell(set, FILES.size() - 4);
        assertEquals(FILES.size() - 1, set.get("cv").get("v2Mv").size());
    }

    @Test
    void mistakesAreRefusedWithAReason() throws Exception {
        String path = "/api/sessions/" + sid + "/charge-voltage";
        var unassigned = call("POST", path, token, Map.of("fileIds", List.copyOf(FILES.keySet()), "params", params));
        assertEquals(400, unassigned.status());
        assertTrue(unassigned.toString().contains("'cell2 extra.atf' (no set, no voltage)"), unassigned.toString());

        var unknownExclusion = call("POST", path, token, body("excluded", List.of("nothere")));
        assertEquals(400, unknownExclusion.status());
        assertTrue(unknownExclusion.toString().contains("nothere"), unknownExclusion.toString());

        List<String> many = new ArrayList<>();
        for (int i = 0; i <= ChargeVoltageController.MAX_FILES_PER_CALL; i++)
            many.add(FILES.keySet().iterator().next());
        var tooMany = call("POST", path, token, Map.of("fileIds", many));
        assertEquals(400, tooMany.status());
        assertTrue(
                tooMany.toString().contains("\\\"kind\\\": \\\"charge-voltage\\\"")
                        || tooMany.toString().contains("charge-voltage"),
                tooMany.toString());

        var both = call("POST", path, token, Map.of("fileIds", List.of(unnamed), "analysisIds", List.of("x")));
        assertEquals(400, both.status());

        String[] other = ApiHarness.newSession();
        var foreign = call("POST", "/api/sessions/" + other[0] + "/charge-voltage", other[1], body());
        assertEquals(404, foreign.status(), "another session's files are not found");
        assertEquals(
                404,
                call("GET", "/api/sessions/" + sid + "/charge-voltage/" + "a".repeat(32), token, null)
                        .status());
    }

    @Test
    void aLongSetRunsAsAJobAndItsResultIsReadOnceDone() throws Exception {
        Map<String, Object> b = body("kind", "charge-voltage");
        var started = call("POST", "/api/sessions/" + sid + "/jobs", token, b);
        assertEquals(202, started.status(), started.toString());
        String jobId = started.json().get("jobId").asText();
        JsonNode status = null;
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            status = call("GET", "/api/sessions/" + sid + "/jobs/" + jobId, token, null)
                    .json();
            String st = status.get("status").asText();
            if (st.equals("done") || st.equals("failed")) break;
            Thread.sleep(200);
        }
        assertEquals("done", status.get("status").asText(), status.toString());
        assertEquals(FILES.size(), status.get("total").asInt());
        var result = call("GET", "/api/sessions/" + sid + "/charge-voltage/" + jobId, token, null);
        assertEquals(200, result.status(), result.toString());
        JsonNode set = result.json().get("sets").get(0);
        assertTheCell(set, FILES.size() - 3);
        JsonNode sync = call("POST", "/api/sessions/" + sid + "/charge-voltage", token, body())
                .json();
        assertEquals(
                sync.get("sets").get(0).get("boltzmann").get("vHalfMv").asDouble(),
                set.get("boltzmann").get("vHalfMv").asDouble(),
                0,
                "a job fits as the call does");

        var batch = call(
                "POST",
                "/api/sessions/" + sid + "/jobs",
                token,
                Map.of(
                        "kind",
                        "batch",
                        "fileIds",
                        List.of(unnamed),
                        "mode",
                        "standard",
                        "params",
                        params,
                        "layout",
                        "json"));
        assertEquals(202, batch.status(), batch.toString());
        assertEquals(
                404,
                call(
                                "GET",
                                "/api/sessions/" + sid + "/charge-voltage/"
                                        + batch.json().get("jobId").asText(),
                                token,
                                null)
                        .status(),
                "a batch job has no charge-voltage result");
    }
}
