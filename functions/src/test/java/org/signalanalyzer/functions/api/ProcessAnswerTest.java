package org.signalanalyzer.functions.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalanalyzer.functions.support.ApiHarness.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The process answer is built from the result in hand, the later GET from the stored one: both must be the same
 * AnalysisView, member by member, and both plain compact JSON (what parsing and writing it again gives, as the
 * answer once was built).
 */
class ProcessAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void setUp() throws Exception {
        ProcessFlowTest.upload();
    }

    @Test
    void desktopAnswerEqualsTheStoredAnalysisReadBack() throws Exception {
        sameAnswerLater(Map.of(
                "fileId",
                ProcessFlowTest.fileId,
                "mode",
                "desktop",
                "chain",
                Map.of("preset", "batch"),
                "startingPoint",
                "35"));
    }

    @Test
    void standardAnswerWithOmittedCurvesEqualsTheStoredAnalysisReadBack() throws Exception {
        JsonNode view = sameAnswerLater(
                Map.of("fileId", ProcessFlowTest.fileId, "mode", "standard", "chain", Map.of("preset", "raw")));
        assertFalse(view.get("result").get("curvesOmitted").isEmpty(), "standard mode omits its long curves");
    }

    private static JsonNode sameAnswerLater(Map<String, Object> body) throws Exception {
        var posted = call("POST", "/api/sessions/" + ProcessFlowTest.sid + "/analyses", ProcessFlowTest.token, body);
        assertEquals(201, posted.status(), posted.toString());
        JsonNode view = posted.json();
        assertEquals(JSON.writeValueAsString(JSON.readTree(posted.body())), posted.body(), "compact JSON as written");
        var read = call(
                "GET",
                "/api/sessions/" + ProcessFlowTest.sid + "/analyses/"
                        + view.get("analysisId").asText(),
                ProcessFlowTest.token,
                null);
        assertEquals(200, read.status(), read.toString());
        JsonNode again = read.json();
        assertEquals(names(view), names(again), "the same members in the same order");
        for (Iterator<String> it = view.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            assertEquals(view.get(name), again.get(name), name);
        }
        assertEquals(posted.body(), read.body());
        assertTrue(view.get("result").get("curvesOmitted").isArray());
        return view;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
