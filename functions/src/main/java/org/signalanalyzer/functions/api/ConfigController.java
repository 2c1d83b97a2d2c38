package org.signalanalyzer.functions.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.time.Duration;
import org.signalanalyzer.dsp.rules.AnalysisConfig;
import org.signalanalyzer.functions.analyses.ChargeVoltageController;
import org.signalanalyzer.functions.analyses.RequestJson;
import org.signalanalyzer.functions.jobs.JobController;

/**
 * {@code GET /api/config}: every preset, default, rule and limit the browser shows, read from shared-dsp and from
 * this deployment's settings (the upload limit), so no page copies a number. Public and the same for everyone, so
 * it needs no session and may be cached.
 */
@Controller("/api/config")
public class ConfigController {

    /** How long a browser or proxy may keep the answer; a new deployment is picked up within this. */
    static final String CACHE_CONTROL = "public, max-age=300";

    private final String document;

    public ConfigController(
            @Value("${signal.uploads.max-bytes}") long maxUploadBytes,
            @Value("${signal.uploads.url-validity}") Duration uploadUrlValidity) {
        ObjectNode config = AnalysisConfig.toJson();
        ObjectNode uploads = config.putObject("uploads");
        uploads.put("maxBytes", maxUploadBytes);
        ArrayNode extensions = uploads.putArray("extensions");
        UploadController.EXTENSIONS.stream().sorted().forEach(e -> extensions.add("." + e));
        ArrayNode types = uploads.putArray("contentTypes");
        UploadController.CONTENT_TYPES.stream().sorted().forEach(types::add);
        uploads.put("urlValidityS", uploadUrlValidity.toSeconds());
        ObjectNode chargeVoltage = config.putObject("chargeVoltage");
        chargeVoltage.put("maxFilesPerCall", ChargeVoltageController.MAX_FILES_PER_CALL);
        chargeVoltage.put("maxAnalysesPerCall", ChargeVoltageController.MAX_ANALYSES_PER_CALL);
        chargeVoltage.put("maxFilesPerJob", JobController.MAX_FILES);
        this.document = RequestJson.write(config);
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> config() {
        return HttpResponse.ok(document).header("Cache-Control", CACHE_CONTROL);
    }
}
