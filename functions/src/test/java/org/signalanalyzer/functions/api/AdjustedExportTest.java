package org.signalanalyzer.functions.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalanalyzer.functions.support.ApiHarness.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.CurveFit;
import org.signalanalyzer.dsp.analysis.CurveFits;
import org.signalanalyzer.dsp.analysis.FitModel;
import org.signalanalyzer.dsp.analysis.Integrals;
import org.signalanalyzer.dsp.analysis.IntegrationRanges;
import org.signalanalyzer.dsp.analysis.StartingPoint;

/**
 * What the screen shows is what gets exported: a dragged range (the integrals endpoint, then the adjustments
 * kept), accepted fits and a subtracted line reach every layout, read back from the downloaded files. References:
 * the integrals endpoint's own answer (1e-12) and shared-dsp run directly on the desktop sample (the same code:
 * exact up to the written precision); each adjusted number must differ from the analysed one, or the test would
 * pass on an export that ignored the adjustments.
 */
class AdjustedExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void setUp() throws Exception {
        ProcessFlowTest.upload();
    }

    private static String analyse() {
        var r = call(
                "POST",
                "/api/sessions/" + ProcessFlowTest.sid + "/analyses",
                ProcessFlowTest.token,
                Map.of("fileId", ProcessFlowTest.fileId, "mode", "desktop", "chain", Map.of("preset", "raw")));
        assertEquals(201, r.status(), r.toString());
        return r.json().get("analysisId").asText();
    }

    private static String path(String analysisId, String tail) {
        return "/api/sessions/" + ProcessFlowTest.sid + "/analyses/" + analysisId + tail;
    }

    static byte[] export(String analysisId, String layout, Map<String, Object> extra) throws Exception {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("analysisIds", List.of(analysisId));
        body.put("layout", layout);
        var export = call("POST", "/api/sessions/" + ProcessFlowTest.sid + "/exports", ProcessFlowTest.token, body);
        assertEquals(200, export.status(), export.toString());
        var download = UploadFlowTest.HTTP.send(
                HttpRequest.newBuilder(URI.create(export.json().get("url").asText()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        return download.body();
    }

    @Test
    void aDraggedRangeReachesEveryLayoutAndSurvivesAReload() throws Exception {
        String id = analyse();
        AnalysisResult analysed = ProcessFlowTest.direct("raw", StartingPoint.AUTO);
        Map<String, Object> ranges = Map.of("hyperpol", new int[] {20, 150}, "depol", new int[] {10, 120});
        var preview = call("POST", path(id, "/integrals"), ProcessFlowTest.token, ranges);
        assertEquals(200, preview.status(), preview.toString());
        double qH = preview.json().get("qHyperpolPc").asDouble();
        double qD = preview.json().get("qDepolPc").asDouble();
        double c = preview.json().get("capacitanceNf").asDouble();
        assertNotEquals(analysed.qHyperpolPc(), qH, 1e-3, "the dragged range changes Q hyperpol");
        assertNotEquals(analysed.qDepolPc(), qD, 1e-3, "the dragged range changes Q depol");

        var kept = call(
                "PUT", path(id, "/adjustments"), ProcessFlowTest.token, Map.of("ranges", ranges, "fits", List.of()));
        assertEquals(200, kept.status(), kept.toString());
        assertEquals(qH, kept.json().get("result").get("qHyperpolPc").asDouble(), 1e-12);
        assertEquals(
                analysed.qHyperpolPc(),
                kept.json().get("analysed").get("qHyperpolPc").asDouble(),
                0.0);

        var reloaded = call("GET", path(id, ""), ProcessFlowTest.token, null).json();
        assertEquals(qH, reloaded.get("result").get("qHyperpolPc").asDouble(), 1e-12, "kept across a reload");
        assertEquals(
                20,
                reloaded.get("adjustments").get("ranges").get("hyperpol").get(0).asInt());
        assertTrue(reloaded.get("summary").get("adjusted").asBoolean());
        JsonNode history = call(
                        "GET", "/api/sessions/" + ProcessFlowTest.sid + "/analyses", ProcessFlowTest.token, null)
                .json()
                .get("analyses");
        JsonNode line = null;
        for (JsonNode a : history) if (a.get("analysisId").asText().equals(id)) line = a;
        assertEquals(qD, line.get("qDepolPc").asDouble(), 1e-12, "History shows the kept numbers");
        assertEquals("raw", line.get("filter").asText());

        // full: the Results row and the Provenance rows.
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export(id, "full", Map.of())))) {
            Sheet results = book.getSheet("Results");
            assertEquals(qH, results.getRow(1).getCell(15).getNumericCellValue(), 1e-12);
            assertEquals(qD, results.getRow(1).getCell(16).getNumericCellValue(), 1e-12);
            assertEquals(c, results.getRow(1).getCell(18).getNumericCellValue(), 1e-12);
            String provenance = text(book.getSheet("Provenance"));
            assertTrue(provenance.contains("points hyperpol [20.0, 150.0] depol [10.0, 120.0]"), provenance);
            assertTrue(provenance.contains("Integration ranges set by hand"), provenance);
        }
        // lab-sets: the lab's integral cells, the sheet says which ranges; the lab's own file name needs its set.
        var refused = call(
                "POST",
                "/api/sessions/" + ProcessFlowTest.sid + "/exports",
                ProcessFlowTest.token,
                Map.of("analysisIds", List.of(id), "layout", "lab-sets"));
        assertEquals(422, refused.status(), refused.toString());
        String why = refused.json().get("message").asText();
        assertTrue(why.contains("'202304_0521.atf'") && why.contains("sets") && !why.contains("--"), why);
        try (XSSFWorkbook book =
                new XSSFWorkbook(new ByteArrayInputStream(export(id, "lab-sets", Map.of("sets", Map.of(id, 3)))))) {
            Sheet sheet = book.getSheet("202304_0521");
            assertNotNull(sheet, "the sheet is named after the file");
            assertEquals(
                    "Hyperpol Integral from the ap:", sheet.getRow(6).getCell(0).getStringCellValue());
            assertEquals(qH, sheet.getRow(6).getCell(1).getNumericCellValue(), 1e-12);
            assertEquals(qH + qD, sheet.getRow(3).getCell(1).getNumericCellValue(), 1e-12);
            assertEquals("Adjustments", sheet.getRow(0).getCell(4).getStringCellValue());
            assertTrue(sheet.getRow(1).getCell(4).getStringCellValue().contains("[20.0, 150.0]"));
        }
        // csv: 7 decimals as the lab's layout writes them.
        String csv = new String(export(id, "csv", Map.of()), StandardCharsets.UTF_8);
        String summary = csv.lines()
                .filter(l -> l.startsWith("Purple Integral Summary:"))
                .findFirst()
                .orElseThrow();
        String[] f = summary.split(";");
        assertEquals(qH, Double.parseDouble(f[2]), 5e-8);
        assertEquals(qD, Double.parseDouble(f[4]), 5e-8);
        assertTrue(csv.contains("Adjustments:") && csv.contains("Integration ranges set by hand"), csv);
        // tidy-csv: full precision, the analysed numbers beside the adjusted ones.
        Map<String, String> tidy = unzip(export(id, "tidy-csv", Map.of()));
        List<String> rows = tidy.get("analyses.csv").lines().toList();
        List<String> header = List.of(rows.get(0).split(","));
        String[] values = rows.get(1).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        assertEquals(qH, Double.parseDouble(values[header.indexOf("q_hyperpol_pc")]), 1e-12);
        assertEquals(qD, Double.parseDouble(values[header.indexOf("q_depol_pc")]), 1e-12);
        assertEquals(analysed.qHyperpolPc(), Double.parseDouble(values[header.indexOf("analysed_q_hyperpol_pc")]), 0.0);
        assertEquals("true", values[header.indexOf("adjusted")]);
        // json: the adjusted result, saying what was adjusted.
        JsonNode json = JSON.readTree(export(id, "json", Map.of()));
        assertEquals(qH, json.get("qHyperpolPc").asDouble(), 1e-12);
        assertEquals(
                20, json.get("adjustments").get("ranges").get("hyperpol").get(0).asInt());
        assertEquals(
                analysed.qHyperpolPc(), json.get("analysed").get("qHyperpolPc").asDouble(), 0.0);
    }

    @Test
    void acceptedFitsAndASubtractedLineReachTheExports() throws Exception {
        String id = analyse();
        AnalysisResult analysed = ProcessFlowTest.direct("raw", StartingPoint.AUTO);
        // The desktop's workflow: fit a line to the hyperpol tail and subtract it, then fit the depol rise.
        CurveFit line = CurveFits.fit(analysed, "hyperpol", FitModel.LINEAR, 100, 198);
        AnalysisResult subtracted = CurveFits.subtractLine(analysed, line);
        CurveFit rise = CurveFits.fit(subtracted, "depol", FitModel.EXP_RISE, 5, 150);
        AnalysisResult expected = Integrals.recompute(subtracted.withFit(rise), analysed.ranges());
        assertNotEquals(analysed.qHyperpolPc(), expected.qHyperpolPc(), 1e-3, "the subtraction changes Q hyperpol");

        // The preview of the second fit is on the curve as the first left it.
        Map<String, Object> adjustments = Map.of(
                "fits",
                List.of(
                        Map.of("curve", "hyperpol", "model", "linear", "from", 100, "to", 198, "subtract", true),
                        Map.of("curve", "depol", "model", "exp-rise", "from", 5, "to", 150, "subtract", false)));
        var kept = call("PUT", path(id, "/adjustments"), ProcessFlowTest.token, adjustments);
        assertEquals(200, kept.status(), kept.toString());
        JsonNode result = kept.json().get("result");
        assertEquals(expected.qHyperpolPc(), result.get("qHyperpolPc").asDouble(), 1e-12);
        assertEquals(expected.qDepolPc(), result.get("qDepolPc").asDouble(), 1e-12);
        assertEquals(2, result.get("fits").size());
        assertTrue(result.get("fits").get(0).get("subtracted").asBoolean());
        assertEquals(
                expected.purpleHyperpol()[50],
                result.get("purpleHyperpol").get(50).asDouble(),
                1e-12,
                "the curve shown is the curve minus the line");
        var fit = call(
                "POST",
                path(id, "/fits"),
                ProcessFlowTest.token,
                Map.of("curve", "depol", "model", "exp-rise", "from", 5, "to", 150));
        assertEquals(
                rise.parameters().get("tauMs"),
                fit.json().get("parameters").get("tauMs").asDouble(),
                1e-12);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export(id, "full", Map.of())))) {
            Sheet results = book.getSheet("Results");
            assertEquals(expected.qHyperpolPc(), results.getRow(1).getCell(15).getNumericCellValue(), 1e-12);
            String all = text(results);
            assertTrue(all.contains("yes"), "the subtracted fit is marked: " + all);
            String provenance = text(book.getSheet("Provenance"));
            assertTrue(provenance.contains("Subtracted line: hyperpol linear points 100..198"), provenance);
            assertTrue(provenance.contains("Accepted fit: depol exp-rise points 5..150"), provenance);
        }
        Map<String, String> tidy = unzip(export(id, "tidy-csv", Map.of()));
        assertTrue(tidy.get("fits.csv").contains("tauMs"), tidy.get("fits.csv"));
        assertTrue(
                tidy.get("fits.csv").lines().anyMatch(l -> l.contains("hyperpol,linear,100,198,true")),
                tidy.get("fits.csv"));

        // Refused adjustments store nothing: the kept ones stay.
        var bad = call(
                "PUT",
                path(id, "/adjustments"),
                ProcessFlowTest.token,
                Map.of(
                        "fits",
                        List.of(Map.of(
                                "curve", "depol", "model", "exp-rise", "from", 5, "to", 150, "subtract", true))));
        assertEquals(400, bad.status(), bad.toString());
        assertTrue(bad.json().get("message").asText().contains("only a linear fit can be subtracted"), bad.toString());
        var outside = call(
                "PUT",
                path(id, "/adjustments"),
                ProcessFlowTest.token,
                Map.of("ranges", Map.of("hyperpol", new int[] {300, 400}, "depol", new int[] {0, 10})));
        assertEquals(400, outside.status(), outside.toString());
        assertEquals(
                expected.qHyperpolPc(),
                call("GET", path(id, ""), ProcessFlowTest.token, null)
                        .json()
                        .get("result")
                        .get("qHyperpolPc")
                        .asDouble(),
                1e-12);

        // Undo everything: the analysed numbers again.
        var none = call("PUT", path(id, "/adjustments"), ProcessFlowTest.token, Map.of("fits", List.of()));
        assertEquals(200, none.status(), none.toString());
        assertEquals(
                analysed.qHyperpolPc(),
                none.json().get("result").get("qHyperpolPc").asDouble(),
                0.0);
        assertFalse(none.json().get("summary").get("adjusted").asBoolean());
        IntegrationRanges r = analysed.ranges();
        assertEquals(
                r.hyperpol()[1],
                none.json().get("analysed").get("ranges").get("hyperpol").get(1).asDouble());
    }

    @Test
    void aDegenerateExponentialIsAnsweredWithAWarning() {
        String id = analyse();
        AnalysisResult analysed = ProcessFlowTest.direct("raw", StartingPoint.AUTO);
        // Look for a range where shared-dsp's exponential runs off; the answer must carry its warnings.
        for (int from = 0; from < 150; from += 10) {
            CurveFit f;
            try {
                f = CurveFits.fit(analysed, "hyperpol", FitModel.EXP_DECAY, from, from + 40);
            } catch (IllegalArgumentException e) {
                continue;
            }
            var fit = call(
                    "POST",
                    path(id, "/fits"),
                    ProcessFlowTest.token,
                    Map.of("curve", "hyperpol", "model", "exp-decay", "from", from, "to", from + 40));
            assertEquals(200, fit.status(), fit.toString());
            assertEquals(f.warnings().size(), fit.json().get("warnings").size(), fit.toString());
            assertEquals("pA", fit.json().get("units").get("amplitude").asText());
        }
    }

    private static String text(Sheet sheet) {
        StringBuilder b = new StringBuilder();
        for (Row row : sheet) for (Cell cell : row) b.append(cell.toString()).append('\n');
        return b.toString();
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
