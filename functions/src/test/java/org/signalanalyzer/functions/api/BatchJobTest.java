package org.signalanalyzer.functions.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalanalyzer.functions.support.ApiHarness.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.SharedData;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.StartingPoint;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.SampleAnalysis;

/**
 * A batch job through the API (the test runtime runs jobs on the bounded thread pool, as the local runtime does):
 * answered at once with a job id, progress to done, a per-set workbook behind the link, and every analysis equal
 * to shared-dsp run directly on the file.
 */
class BatchJobTest {

    @Test
    void aBatchOfFilesBecomesAPerSetWorkbook() throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.desktop("202304_0521.atf"));
        String[] s = ApiHarness.newSession();
        List<String> names = List.of("20230405_0521_1_-20mV.atf", "20230405_0522_1_-20mV.atf");
        List<String> fileIds = readyFiles(s, names, bytes);
        var started = call(
                "POST", "/api/sessions/" + s[0] + "/jobs", s[1], SampleAnalysis.batchJob(fileIds, "raw", "lab-sets"));
        assertEquals(202, started.status(), started.toString());
        String jobId = started.json().get("jobId").asText();
        JsonNode status = await(s, jobId);
        assertEquals("done", status.get("status").asText(), status.toString());
        assertEquals(2, status.get("done").asInt());
        assertEquals(2, status.get("total").asInt());
        var download = UploadFlowTest.HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(status.get("export").get("url").asText()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertTrue(status.get("export").get("fileName").asText().endsWith(".xlsx"), status.toString());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            assertTrue(book.getNumberOfSheets() >= 2, "a sheet per file of the set");
        }

        ProcessFlowTest.upload();
        AnalysisResult expected = ProcessFlowTest.direct("raw", StartingPoint.given(35));
        var history = call("GET", "/api/sessions/" + s[0] + "/analyses", s[1], null)
                .json()
                .get("analyses");
        assertEquals(2, history.size());
        for (JsonNode a : history) {
            assertEquals(expected.qHyperpolPc(), a.get("qHyperpolPc").asDouble(), 0.0);
            assertEquals(expected.capacitanceNf(), a.get("capacitanceNf").asDouble(), 0.0);
        }

        String[] other = ApiHarness.newSession();
        assertEquals(
                404,
                call("GET", "/api/sessions/" + other[0] + "/jobs/" + jobId, other[1], null)
                        .status());
        var unknownFile = call(
                "POST",
                "/api/sessions/" + other[0] + "/jobs",
                other[1],
                Map.of("kind", "batch", "fileIds", fileIds, "layout", "lab-sets"));
        assertEquals(404, unknownFile.status(), "another session's files are not found");
    }

    /** docs/api.md: a file whose set is unknown is skipped and named (by name), not the whole batch. */
    @Test
    void aFileWhoseNameTellsNoSetIsSkippedAndNamedUnlessItsSetIsGiven() throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.desktop("202304_0521.atf"));
        String[] s = ApiHarness.newSession();
        List<String> names = List.of("202304_0521.atf", "20230405_0522_1_-20mV.atf", "202304_0523.atf");
        List<String> fileIds = readyFiles(s, names, bytes);
        // The desktop's Export Sets settings, as GET /api/config gives them; the third file's set is given.
        var started = call(
                "POST",
                "/api/sessions/" + s[0] + "/jobs",
                s[1],
                Map.of(
                        "kind",
                        "batch",
                        "fileIds",
                        fileIds,
                        "mode",
                        "desktop",
                        "chain",
                        Map.of("preset", "batch"),
                        "startingPoint",
                        35,
                        "layout",
                        "lab-sets",
                        "sets",
                        Map.of(fileIds.get(2), 1)));
        assertEquals(202, started.status(), started.toString());
        JsonNode status = await(s, started.json().get("jobId").asText());
        assertEquals("done", status.get("status").asText(), status.toString());
        String message = status.get("message").asText();
        assertTrue(message.contains("'202304_0521.atf' skipped"), message);
        assertFalse(message.contains(fileIds.get(0)), "files are named by name, not id: " + message);
        assertFalse(message.contains("202304_0523"), "a file with its set given is not skipped: " + message);
        var download = UploadFlowTest.HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(status.get("export").get("url").asText()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        ProcessFlowTest.upload();
        AnalysisResult expected = ProcessFlowTest.direct("batch", StartingPoint.given(35));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            assertEquals(3, book.getNumberOfSheets(), "the two files with a set, in set 1, and the set's Q-V summary");
            assertNotNull(book.getSheet("Q-V summary"));
            assertNotNull(book.getSheet("202304_0523"));
            assertEquals(
                    expected.qHyperpolPc(),
                    book.getSheet("202304_0523").getRow(6).getCell(1).getNumericCellValue(),
                    1e-12);
        }
        var badSet = call(
                "POST",
                "/api/sessions/" + s[0] + "/jobs",
                s[1],
                Map.of("kind", "batch", "fileIds", fileIds, "layout", "lab-sets", "sets", Map.of("someone-else", 1)));
        assertEquals(400, badSet.status(), badSet.toString());
    }

    /** Uploads {@code bytes} under each name and completes it: the files' ids, in order. */
    private static List<String> readyFiles(String[] s, List<String> names, byte[] bytes) throws Exception {
        List<String> fileIds = new ArrayList<>();
        for (String name : names) {
            String id = UploadFlowTest.upload(s[0], s[1], name, bytes, "application/octet-stream");
            assertEquals(
                    200,
                    call("POST", "/api/sessions/" + s[0] + "/files/" + id + "/complete", s[1], null)
                            .status());
            fileIds.add(id);
        }
        return fileIds;
    }

    private static JsonNode await(String[] s, String jobId) throws InterruptedException {
        JsonNode status = null;
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            status = call("GET", "/api/sessions/" + s[0] + "/jobs/" + jobId, s[1], null)
                    .json();
            if (status.get("status").asText().equals("done")
                    || status.get("status").asText().equals("failed")) break;
            Thread.sleep(200);
        }
        return status;
    }
}
