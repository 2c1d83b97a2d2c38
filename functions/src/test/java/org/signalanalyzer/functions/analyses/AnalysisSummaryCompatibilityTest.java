package org.signalanalyzer.functions.analyses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

/**
 * A history line stored before adjustments existed (a local data folder kept across an upgrade, or a session alive
 * during a deployment) still reads: as analysed, no adjustments, no filter label.
 */
class AnalysisSummaryCompatibilityTest {

    @Test
    void aSummaryStoredBeforeAdjustmentsReadsAsUnadjusted() throws Exception {
        String old = "{\"analysisId\":\"abcdefabcdefabcdefabcd\",\"fileId\":\"fedcbafedcbafedcbafedc\",\"fileName\":"
                + "\"a.atf\",\"createdAt\":\"2026-11-01T10:00:00Z\",\"mode\":\"desktop\",\"sweep\":0,\"channel\":0,"
                + "\"startingPoint\":35,\"v0Mv\":-80.0,\"v2Mv\":-20.0,\"qHyperpolPc\":-1.5,\"qDepolPc\":2.5,"
                + "\"capacitanceNf\":0.07}";
        try (ApplicationContext context = ApplicationContext.run()) {
            AnalysisSummary s = context.getBean(JsonMapper.class).readValue(old, AnalysisSummary.class);
            assertFalse(s.adjusted());
            assertTrue(s.adjustments().isEmpty());
            assertNull(s.filter());
            assertEquals(-1.5, s.qHyperpolPc());
        }
    }
}
