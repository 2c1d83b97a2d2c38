package org.signalanalyzer.dsp.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.analysis.AnalysisResult;

class JsonExportTest {

    @Test
    void oneAnalysisIsItsAnalysisResultJson() throws Exception {
        NamedAnalysis a = Analyses.named("20230405_0521_1_-20mV.atf", -20, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportedFile f = new Exporter(LabWorkbookTest.CLOCK).write(Layout.JSON, List.of(a), out);
        assertEquals("20230405_0521_1_-20mV_20261124_230509.json", f.fileName());
        assertEquals(ExportedFile.JSON, f.contentType());
        AnalysisResult back = AnalysisResult.fromJson(out.toString(StandardCharsets.UTF_8));
        assertEquals(a.result().toJson(), back.toJson(), "every value, bit for bit");
    }

    @Test
    void severalAnalysesAreAnArrayOfThem() throws Exception {
        List<NamedAnalysis> in = List.of(Analyses.named("a_1_2_3.atf", -20, 1), Analyses.named("b_1_2_3.atf", 0, 2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportedFile f = new Exporter(LabWorkbookTest.CLOCK).write(Layout.JSON, in, out);
        assertEquals("Analyses_20261124_230509.json", f.fileName());
        JsonNode array = new ObjectMapper().readTree(out.toByteArray());
        assertTrue(array.isArray());
        assertEquals(2, array.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(
                    in.get(i).result().toJson(),
                    AnalysisResult.fromJson(array.get(i).toString()).toJson());
        }
    }

    @Test
    void anEmptyExportIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new Exporter(LabWorkbookTest.CLOCK).write(Layout.JSON, List.of(), new ByteArrayOutputStream()));
        assertEquals("nothing to export: no analyses", e.getMessage());
    }

    @Test
    void layoutsParseFromTheirApiLabels() {
        for (Layout l : Layout.values()) assertEquals(l, Layout.parse(l.label()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Layout.parse("xlsx"));
        assertTrue(e.getMessage().contains("lab-sets, full, csv, tidy-csv or json"), e.getMessage());
    }
}
