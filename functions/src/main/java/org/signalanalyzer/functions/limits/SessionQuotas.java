package org.signalanalyzer.functions.limits;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.signalanalyzer.functions.store.QuotaRefusal;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.store.SessionStore;
import org.signalanalyzer.functions.store.UsageCharge;

/**
 * What one session may hold and run ({@link Limits}). Room is reserved on the session item before anything is
 * created, all the counters of a request in one atomic write, and given back when the request then fails, so a
 * refused or failed request leaves nothing half-created and no room taken.
 */
@Singleton
public class SessionQuotas {

    private static final String FREE_FILES = "Delete files this session no longer needs (DELETE "
            + "/api/sessions/{sessionId}/files/{fileId}) or start a new session.";
    private static final String NEW_SESSION =
            "They stay counted for the session's life: start a new session " + "(POST /api/sessions) to go on.";

    /** The session counters, with the words a person reads. */
    enum Quota {
        FILES("files", "file", "files", Limits.FILES_PER_SESSION, FREE_FILES),
        UPLOAD_BYTES("uploadBytes", "byte", "bytes", Limits.UPLOAD_BYTES_PER_SESSION, FREE_FILES),
        ANALYSES("analyses", "analysis", "analyses", Limits.ANALYSES_PER_SESSION, NEW_SESSION),
        EXPORTS("exports", "export", "exports", Limits.EXPORTS_PER_SESSION, NEW_SESSION),
        JOBS("jobs", "batch job", "batch jobs", Limits.JOBS_PER_SESSION, NEW_SESSION);

        final String counter;
        final String one;
        final String many;
        final String setting;
        final String howToFreeRoom;

        Quota(String counter, String one, String many, String setting, String howToFreeRoom) {
            this.counter = counter;
            this.one = one;
            this.many = many;
            this.setting = setting;
            this.howToFreeRoom = howToFreeRoom;
        }
    }

    private final SessionStore store;
    private final Limits limits;
    private final Clock clock;

    public SessionQuotas(SessionStore store, Limits limits, Clock clock) {
        this.store = store;
        this.limits = limits;
        this.clock = clock;
    }

    /** One more file of {@code declaredBytes}. */
    public Reservation forUpload(Session session, long declaredBytes) {
        return reserve(session, charge(Quota.FILES, 1), charge(Quota.UPLOAD_BYTES, declaredBytes));
    }

    public Reservation forAnalysis(Session session) {
        return forAnalyses(session, 1);
    }

    /** Several analyses made by one call (a charge-voltage set analyses each of its files). */
    public Reservation forAnalyses(Session session, int count) {
        return reserve(session, charge(Quota.ANALYSES, count));
    }

    public Reservation forExport(Session session) {
        return reserve(session, charge(Quota.EXPORTS, 1));
    }

    /** A batch job runs one analysis per file and writes one export; all of it is counted when it is accepted. */
    public Reservation forJob(Session session, int files) {
        return reserve(session, charge(Quota.JOBS, 1), charge(Quota.ANALYSES, files), charge(Quota.EXPORTS, 1));
    }

    /** A deleted file gives its room back. */
    public void fileRemoved(Session session, long declaredBytes) {
        store.releaseUsage(
                session.sessionId(), List.of(charge(Quota.FILES, 1), charge(Quota.UPLOAD_BYTES, declaredBytes)));
    }

    private Reservation reserve(Session session, UsageCharge... charges) {
        List<UsageCharge> list = List.of(charges);
        Optional<QuotaRefusal> refused = store.reserveUsage(session.sessionId(), list, clock.instant());
        if (refused.isPresent()) throw refusal(refused.get());
        return new Reservation(session.sessionId(), list);
    }

    private UsageCharge charge(Quota quota, long amount) {
        long limit = switch (quota) {
            case FILES -> limits.filesPerSession();
            case UPLOAD_BYTES -> limits.uploadBytesPerSession();
            case ANALYSES -> limits.analysesPerSession();
            case EXPORTS -> limits.exportsPerSession();
            case JOBS -> limits.jobsPerSession();
        };
        return new UsageCharge(quota.counter, amount, limit);
    }

    private static LimitRefusal refusal(QuotaRefusal r) {
        Quota quota = quotaOf(r.charge().counter());
        UsageCharge c = r.charge();
        long room = Math.max(0, c.limit() - r.used());
        return LimitRefusal.quotaExceeded("This request needs " + amount(quota, c.amount()) + " more, but this "
                + "session's quota (" + quota.setting + ") is " + amount(quota, c.limit())
                + " and it has " + amount(quota, r.used()) + ", leaving room for " + amount(quota, room)
                + "; nothing was created. " + quota.howToFreeRoom);
    }

    private static String amount(Quota quota, long n) {
        String counted = n + " " + (n == 1 ? quota.one : quota.many);
        if (quota != Quota.UPLOAD_BYTES) return counted;
        return counted + " (" + String.format(Locale.ROOT, "%.1f", n / (1024.0 * 1024.0)) + " MB)";
    }

    private static Quota quotaOf(String counter) {
        for (Quota q : Quota.values()) if (q.counter.equals(counter)) return q;
        throw new IllegalArgumentException("unknown counter " + counter);
    }

    /** Room taken for one request; {@link #keepIf} gives it back if the request then fails. */
    public final class Reservation {

        private final String sessionId;
        private final List<UsageCharge> charges;
        private boolean released;

        private Reservation(String sessionId, List<UsageCharge> charges) {
            this.sessionId = sessionId;
            this.charges = new ArrayList<>(charges);
        }

        /** Runs the work the room was taken for; if it throws, the room is given back and the failure goes on. */
        public <T> T keepIf(Supplier<T> work) {
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                try {
                    release();
                } catch (RuntimeException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
                throw e;
            }
        }

        public synchronized void release() {
            if (released) return;
            released = true;
            store.releaseUsage(sessionId, charges);
        }
    }
}
