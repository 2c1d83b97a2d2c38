package org.signalanalyzer.functions.recordings;

import jakarta.inject.Singleton;
import org.signalanalyzer.functions.store.Documents;
import org.signalanalyzer.functions.store.Entry;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.web.ApiException;

/** A session's files as stored: every look-up of a file by id, each inside the caller's session only. */
@Singleton
public class RecordingFiles {

    private final Documents documents;

    public RecordingFiles(Documents documents) {
        this.documents = documents;
    }

    /** The file's entry: 404 for an unknown (or another session's) id. */
    public Entry entry(Session session, String fileId) {
        return documents.find(session, FileDescription.KIND, fileId).orElseThrow(() -> unknown(fileId));
    }

    /** The file as described now, parsed or still awaiting its upload. */
    public FileDescription describe(Session session, String fileId) {
        return documents.read(entry(session, fileId), FileDescription.class);
    }

    /** A parsed file: 404 for an unknown (or another session's) id, 409 before {@code complete}. */
    public FileDescription ready(Session session, String fileId) {
        FileDescription file = describe(session, fileId);
        if (!file.isReady()) {
            throw ApiException.conflict("'" + file.fileName() + "' is not ready: upload it and call complete first.");
        }
        return file;
    }

    private static ApiException unknown(String fileId) {
        return ApiException.notFound("No such file in this session: " + fileId);
    }
}
