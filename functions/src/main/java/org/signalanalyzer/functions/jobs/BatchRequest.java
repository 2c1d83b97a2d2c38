package org.signalanalyzer.functions.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.signalanalyzer.dsp.export.Layout;
import org.signalanalyzer.functions.analyses.ExportController;
import org.signalanalyzer.functions.web.ApiException;

/**
 * A batch job's body (docs/api.md, jobs) beyond the process body every file is analysed with: the files, the export
 * layout and the lab set of any file by id. Read when the job is started and again by the worker, from the body as
 * the client sent it.
 */
record BatchRequest(List<String> fileIds, Layout layout, Map<String, Integer> sets) {

    /** The layout when the body names none. */
    static final String DEFAULT_LAYOUT = "lab-sets";

    static BatchRequest from(JsonNode root) {
        JsonNode ids = root.get("fileIds");
        if (ids == null || !ids.isArray() || ids.isEmpty() || ids.size() > JobController.MAX_FILES) {
            throw ApiException.invalid("fileIds must list 1 to " + JobController.MAX_FILES + " files of this session.");
        }
        Layout layout;
        try {
            layout = Layout.parse(root.path("layout").asText(DEFAULT_LAYOUT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        }
        List<String> fileIds = new ArrayList<>();
        for (JsonNode id : ids) fileIds.add(id.asText());
        return new BatchRequest(List.copyOf(fileIds), layout, ExportController.sets(root, "fileIds", fileIds));
    }
}
