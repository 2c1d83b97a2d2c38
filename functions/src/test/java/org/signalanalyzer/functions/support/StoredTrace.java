package org.signalanalyzer.functions.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.signalanalyzer.dsp.io.AcquisitionMode;
import org.signalanalyzer.dsp.io.Channel;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingFormat;
import org.signalanalyzer.functions.recordings.FileDescription;
import org.signalanalyzer.functions.recordings.RecordingArchive;
import org.signalanalyzer.functions.sessions.Tokens;
import org.signalanalyzer.functions.store.Documents;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.store.SessionStore;

/**
 * A gap-free one-channel recording put into a session as a ready file through the archive complete uses: for
 * traces too large to upload as text (10 M samples are over the upload limit).
 */
public final class StoredTrace {

    private StoredTrace() {}

    /** Stores {@code samples} (pA, 50 kHz) as file {@code fileName} of session {@code s} ({id, token}); its file id. */
    public static String store(String[] s, String fileName, double[] samples) {
        var ctx = ApiHarness.handler().getApplicationContext();
        Session session =
                ctx.getBean(SessionStore.class).findSession(s[0], Instant.now()).orElseThrow();
        Recording r = new Recording(
                fileName,
                RecordingFormat.ATF,
                "1.0",
                AcquisitionMode.GAP_FREE,
                2e-5,
                0,
                List.of(new Channel("Im", "pA")),
                new double[] {0},
                new double[][][] {{samples}},
                List.of(),
                "",
                null,
                Map.of());
        String fileId = Tokens.newId();
        ctx.getBean(RecordingArchive.class).store(s[0], fileId, r);
        ctx.getBean(Documents.class)
                .create(
                        session,
                        FileDescription.KIND,
                        fileId,
                        FileDescription.declared(fileId, fileName, "text/plain", 1)
                                .ready(r, "0", Instant.now()));
        return fileId;
    }
}
