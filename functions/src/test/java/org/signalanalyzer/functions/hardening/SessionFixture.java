package org.signalanalyzer.functions.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.signalanalyzer.dsp.SharedData;
import org.signalanalyzer.functions.ApiGatewayFunction;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.Dynalite;
import org.signalanalyzer.functions.support.S3ProxyServer;
import org.signalanalyzer.functions.support.SampleAnalysis;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A session that owns something of every kind: a completed recording, an analysis of it, an export. */
record SessionFixture(
        String sid,
        String token,
        String fileId,
        String analysisId,
        String exportId,
        String exportUrl,
        String uploadUrl,
        String uploadType,
        int uploadLength) {

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String RECORDING = "202304_0521.atf";

    static SessionFixture create(ApiGatewayFunction api) throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.desktop(RECORDING));
        var session = ApiHarness.call(api, "POST", "/api/sessions", (String) null, null);
        assertEquals(201, session.status(), session.toString());
        String sid = session.json().get("sessionId").asText();
        String token = session.json().get("token").asText();
        String type = "application/octet-stream";
        var ticket = ApiHarness.call(
                api,
                "POST",
                "/api/sessions/" + sid + "/uploads",
                token,
                Map.of("fileName", RECORDING, "contentType", type, "sizeBytes", bytes.length));
        assertEquals(201, ticket.status(), ticket.toString());
        JsonNode t = ticket.json();
        String url = t.get("uploadUrl").asText();
        assertEquals(200, put(url, type, bytes).statusCode(), "presigned PUT");
        String fileId = t.get("fileId").asText();
        var done = ApiHarness.call(api, "POST", "/api/sessions/" + sid + "/files/" + fileId + "/complete", token, null);
        assertEquals(200, done.status(), done.toString());
        var analysis = ApiHarness.call(
                api, "POST", "/api/sessions/" + sid + "/analyses", token, SampleAnalysis.desktop(fileId, "raw"));
        assertEquals(201, analysis.status(), analysis.toString());
        String analysisId = analysis.json().get("analysisId").asText();
        var export = ApiHarness.call(
                api,
                "POST",
                "/api/sessions/" + sid + "/exports",
                token,
                Map.of("analysisIds", List.of(analysisId), "layout", "csv"));
        assertEquals(200, export.status(), export.toString());
        return new SessionFixture(
                sid,
                token,
                fileId,
                analysisId,
                export.json().get("exportId").asText(),
                export.json().get("url").asText(),
                url,
                type,
                bytes.length);
    }

    static HttpResponse<byte[]> put(String url, String contentType, byte[] body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", contentType)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Every object under the session's prefix with its ETag, straight from S3 (not through the API). */
    Map<String, String> objects() {
        Map<String, String> m = new TreeMap<>();
        for (S3Object o : S3ProxyServer.get()
                .client()
                .listObjectsV2Paginator(r -> r.bucket(S3ProxyServer.BUCKET).prefix("sessions/" + sid + "/"))
                .contents()) {
            m.put(o.key(), o.eTag() + "/" + o.size());
        }
        return m;
    }

    /** The keys of the session's items, straight from DynamoDB (pk is the session id). */
    Set<String> items() {
        Set<String> m = new TreeSet<>();
        var dynamo = Dynalite.get().client();
        dynamo.scanPaginator(r -> r.tableName(Dynalite.TABLE)).items().forEach(item -> {
            String pk = item.get("pk").s();
            if (pk.equals(sid)) m.add(item.get("sk").s());
        });
        return m;
    }

    static ApiHarness.Response ok(ApiHarness.Response r, int status) {
        assertEquals(status, r.status(), r.toString());
        return r;
    }
}
