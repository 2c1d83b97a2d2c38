package org.signalanalyzer.local;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.signalanalyzer.functions.store.BlobKeys;
import org.signalanalyzer.functions.store.BlobStore;

/**
 * The blob store, with the objects this process wrote most recently also kept in memory (up to a byte budget, least
 * recently used out first), so that the steps right after a write (the plot and the analysis after complete stored
 * the parsed recording, the answer after an analysis stored its result) read them without going to the disk and
 * S3Proxy's store again. Every write still goes to the store first; only what this process put is kept, never what
 * it read, and the uploads (which the browser PUTs through S3Proxy, and may PUT again) are neither kept nor served
 * from here. A delete drops the objects before and after it reaches the store.
 */
final class RecentWrites implements BlobStore {

    private final BlobStore store;
    private final long budgetBytes;
    private final Map<String, byte[]> kept = new LinkedHashMap<>(64, 0.75f, true);
    private long keptBytes;

    RecentWrites(BlobStore store, long budgetBytes) {
        this.store = store;
        this.budgetBytes = budgetBytes;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        store.put(key, content, contentType);
        if (!BlobKeys.isUpload(key)) keep(key, content.clone());
    }

    @Override
    public Optional<byte[]> get(String key) {
        byte[] bytes = kept(key);
        return bytes != null ? Optional.of(bytes.clone()) : store.get(key);
    }

    @Override
    public byte[] getRange(String key, long offset, long length) {
        byte[] bytes = kept(key);
        if (bytes == null || offset < 0 || length < 0 || offset + length > bytes.length) {
            return store.getRange(key, offset, length);
        }
        return Arrays.copyOfRange(bytes, (int) offset, (int) (offset + length));
    }

    @Override
    public OptionalLong size(String key) {
        byte[] bytes = kept(key);
        return bytes != null ? OptionalLong.of(bytes.length) : store.size(key);
    }

    @Override
    public void delete(String key) {
        drop(key);
        store.delete(key);
        drop(key);
    }

    @Override
    public List<String> list(String prefix) {
        return store.list(prefix);
    }

    @Override
    public int deletePrefix(String prefix) {
        dropPrefix(prefix);
        int deleted = store.deletePrefix(prefix);
        dropPrefix(prefix);
        return deleted;
    }

    @Override
    public PresignedUpload presignPut(String key, String contentType, long contentLength, Duration validity) {
        return store.presignPut(key, contentType, contentLength, validity);
    }

    @Override
    public URI presignGet(String key, String downloadFileName, Duration validity) {
        return store.presignGet(key, downloadFileName, validity);
    }

    private synchronized byte[] kept(String key) {
        return kept.get(key);
    }

    private synchronized void keep(String key, byte[] content) {
        drop(key);
        if (content.length > budgetBytes / 4) return;
        kept.put(key, content);
        keptBytes += content.length;
        Iterator<byte[]> oldest = kept.values().iterator();
        while (keptBytes > budgetBytes && oldest.hasNext()) {
            keptBytes -= oldest.next().length;
            oldest.remove();
        }
    }

    private synchronized void drop(String key) {
        byte[] gone = kept.remove(key);
        if (gone != null) keptBytes -= gone.length;
    }

    private synchronized void dropPrefix(String prefix) {
        Iterator<Map.Entry<String, byte[]>> entries = kept.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, byte[]> e = entries.next();
            if (e.getKey().startsWith(prefix)) {
                keptBytes -= e.getValue().length;
                entries.remove();
            }
        }
    }
}
