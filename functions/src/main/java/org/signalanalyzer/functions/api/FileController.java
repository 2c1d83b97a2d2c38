package org.signalanalyzer.functions.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Clock;
import java.util.List;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingFormatException;
import org.signalanalyzer.dsp.io.RecordingReaders;
import org.signalanalyzer.functions.limits.SessionQuotas;
import org.signalanalyzer.functions.recordings.FileDescription;
import org.signalanalyzer.functions.recordings.RecordingArchive;
import org.signalanalyzer.functions.recordings.RecordingFiles;
import org.signalanalyzer.functions.recordings.Trace;
import org.signalanalyzer.functions.recordings.TraceWindow;
import org.signalanalyzer.functions.sessions.Caller;
import org.signalanalyzer.functions.store.BlobKeys;
import org.signalanalyzer.functions.store.BlobStore;
import org.signalanalyzer.functions.store.Documents;
import org.signalanalyzer.functions.store.Entry;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.web.ApiException;
import org.signalanalyzer.functions.web.ComputesFromRecording;

/** A session's files: parse once after upload, describe, list, delete, and plot any window of any trace. */
@Controller("/api/sessions/{sessionId}/files")
public class FileController {

    private final Documents documents;
    private final RecordingFiles files;
    private final BlobStore blobs;
    private final RecordingArchive archive;
    private final Clock clock;
    private final RegistrationLimits limits;
    private final SessionQuotas quotas;

    public FileController(
            Documents documents,
            RecordingFiles files,
            BlobStore blobs,
            RecordingArchive archive,
            Clock clock,
            RegistrationLimits limits,
            SessionQuotas quotas) {
        this.files = files;
        this.limits = limits;
        this.documents = documents;
        this.blobs = blobs;
        this.archive = archive;
        this.clock = clock;
        this.quotas = quotas;
    }

    @Serdeable
    public record FileList(List<FileDescription> files) {}

    /**
     * Reads the uploaded object once, parses it with shared-dsp, stores the compact form beside it, marks the file
     * ready and deletes the upload: from then on the stored form is the only truth, so a second PUT to the
     * still-valid upload URL cannot change what {@code sha256} describes (the stray object is deleted by the next
     * complete, the file's delete or the session's cleanup). A file that is not a readable recording is removed
     * and answered 422 with the reader's message (it names the line or byte offset); one that declares more
     * samples than one registration may handle ({@link RegistrationLimits}) is removed and answered 413 before its
     * samples are read.
     */
    @ComputesFromRecording
    @Post("/{fileId}/complete")
    public FileDescription complete(@Caller Session session, String fileId) {
        Entry entry = files.entry(session, fileId);
        FileDescription file = documents.read(entry, FileDescription.class);
        String uploadKey = BlobKeys.upload(session.sessionId(), fileId);
        if (file.isReady()) {
            blobs.delete(uploadKey);
            return file;
        }
        long size = blobs.size(uploadKey)
                .orElseThrow(() -> ApiException.conflict("Nothing was uploaded for '" + file.fileName()
                        + "' yet: PUT the file to its upload URL, then call complete."));
        limits.checkObjectSize(file.fileName(), size);
        byte[] bytes = blobs.get(uploadKey)
                .orElseThrow(() -> ApiException.conflict("The upload of '" + file.fileName()
                        + "' disappeared while it was being read: upload it again."));
        Recording recording;
        try {
            recording = RecordingReaders.read(file.fileName(), bytes, limits.readLimits());
        } catch (RecordingFormatException e) {
            blobs.deletePrefix(BlobKeys.filePrefix(session.sessionId(), fileId));
            if (documents.delete(session, FileDescription.KIND, fileId)) quotas.fileRemoved(session, file.sizeBytes());
            throw limits.refusal(e);
        }
        archive.store(session.sessionId(), fileId, recording);
        FileDescription ready = file.ready(recording, StepProtocolAnalysis.sha256(bytes), clock.instant());
        documents.replace(session, entry, ready);
        blobs.delete(uploadKey);
        return ready;
    }

    @Get
    public FileList list(@Caller Session session) {
        return new FileList(documents.list(session, FileDescription.KIND, FileDescription.class));
    }

    @Get("/{fileId}")
    public FileDescription describe(@Caller Session session, String fileId) {
        return files.describe(session, fileId);
    }

    /** Objects first, then the item: a failure midway leaves a file that can be deleted again. */
    @Delete("/{fileId}")
    @Status(HttpStatus.NO_CONTENT)
    public void delete(@Caller Session session, String fileId) {
        FileDescription file = files.describe(session, fileId);
        blobs.deletePrefix(BlobKeys.filePrefix(session.sessionId(), fileId));
        // Only the delete that removed the item gives the room back: two concurrent deletes must not free it twice.
        if (documents.delete(session, FileDescription.KIND, fileId)) quotas.fileRemoved(session, file.sizeBytes());
    }

    /**
     * One sweep/channel over [startS, endS] as at most two points per pixel column: a 10-million-sample trace
     * answers 2 * width points, and only the window's bytes are read from storage. Not marked as computing: it is a
     * bounded read (one window, one pass), and the plot's zoom and pan must stay interactive while analyses queue.
     */
    @Get("/{fileId}/trace")
    public Trace trace(
            @Caller Session session,
            String fileId,
            @QueryValue(defaultValue = "0") int sweep,
            @QueryValue(defaultValue = "0") int channel,
            @Nullable @QueryValue Double startS,
            @Nullable @QueryValue Double endS,
            @QueryValue(defaultValue = "" + TraceWindow.DEFAULT_WIDTH) int width) {
        FileDescription file = files.ready(session, fileId);
        TraceWindow window = TraceWindow.of(file, sweep, channel, startS, endS, width);
        return window.ofWindowSamples(
                file,
                archive.samples(
                        session.sessionId(),
                        fileId,
                        file.samplesPerSweep(),
                        sweep,
                        channel,
                        window.from(),
                        window.to()));
    }
}
