package org.signalanalyzer.functions.api;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.signalanalyzer.dsp.io.ReadLimits;
import org.signalanalyzer.dsp.io.RecordingFormatException;
import org.signalanalyzer.functions.web.ApiException;

/**
 * How much work one {@code complete} may do, judged from the file's declared sizes before its samples are read:
 * the object's size ({@code signal.uploads.max-bytes}) and the samples its header or table declares, sweeps ×
 * samples × channels ({@code signal.files.max-register-samples}). The readers check the declared count before they
 * allocate anything. The default admits everything an upload within the size limit can hold (2 bytes a sample at
 * the least, int16 ABF or one-digit text), so it only stops a file whose header claims more than its bytes could
 * carry; registering that much (parse, one float64 object per channel) takes a few seconds, well inside the API
 * functions' 28 s.
 */
@Singleton
public class RegistrationLimits {

    private final long maxObjectBytes;
    private final long maxSamples;

    public RegistrationLimits(
            @Value("${signal.uploads.max-bytes}") long maxObjectBytes,
            @Value("${signal.files.max-register-samples}") long maxSamples) {
        this.maxObjectBytes = maxObjectBytes;
        this.maxSamples = maxSamples;
    }

    public ReadLimits readLimits() {
        ReadLimits d = ReadLimits.DEFAULT;
        return new ReadLimits(
                Math.min(maxSamples, d.maxSamples()),
                d.maxHeaderBytes(),
                d.maxChannels(),
                d.maxSweeps(),
                Math.min(maxObjectBytes, d.maxFileBytes()));
    }

    void checkObjectSize(String fileName, long size) {
        if (size > maxObjectBytes) {
            throw ApiException.tooLarge("The upload of '" + fileName + "' is " + size + " bytes; the limit is "
                    + maxObjectBytes + " bytes.");
        }
    }

    /**
     * The answer to a file the reader refused: 413 when it refused a limit (shared-dsp names the ReadLimits field
     * in those messages), 422 with the reader's message otherwise.
     */
    ApiException refusal(RecordingFormatException e) {
        if (e.getMessage().contains("(ReadLimits.")) {
            return ApiException.tooLarge(e.getMessage() + ". One file may hold at most " + maxSamples
                    + " samples (sweeps × samples × channels) and " + maxObjectBytes
                    + " bytes: split the recording into smaller files.");
        }
        return ApiException.unreadable(e.getMessage());
    }
}
