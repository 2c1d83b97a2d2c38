package org.signalanalyzer.functions.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions and what they own. Implementations use conditional single-item writes only (no transactions: dynalite
 * and the embedded local store have none), and every read treats an expired or deleting session as gone, because
 * TTL deletion is late (and absent in dynalite). The contract is {@code SessionStoreContract} in the test sources.
 */
public interface SessionStore {

    /** Stores a new session; {@link StoreConflictException} if the id exists. */
    void createSession(Session session);

    /** The session if it is live at {@code now}; empty when unknown, expired or being deleted. */
    Optional<Session> findSession(String sessionId, Instant now);

    /** Records a use of a live session; does nothing for a session that is not live. */
    void touchSession(String sessionId, Instant now);

    /** Marks a session as being deleted, so reads treat it as gone from now on; false if there is no such item. */
    boolean markSessionDeleting(String sessionId);

    /** Stores a new entry with version 1; {@link StoreConflictException} if it exists. */
    Entry putEntry(String sessionId, Entry entry);

    /**
     * Replaces an entry whose stored version is {@code entry.version()}; answers the stored entry (version + 1).
     * {@link StoreConflictException} if the entry changed or vanished meanwhile.
     */
    Entry replaceEntry(String sessionId, Entry entry);

    Optional<Entry> findEntry(String sessionId, String kind, String id);

    /** The session's entries of one kind, in id order. */
    List<Entry> listEntries(String sessionId, String kind);

    /**
     * Removes an entry; removing a missing entry is not an error. True only for the call that removed it, so of two
     * concurrent deletes exactly one gives the entry's quota back.
     */
    boolean deleteEntry(String sessionId, String kind, String id);

    /**
     * Ids of sessions whose items are due for removal at {@code now}: expired, marked deleting, or entries left
     * without their session item. Never a live session.
     */
    List<String> sessionsToPurge(Instant now);

    /**
     * Removes every item of a session, its entries first and the session item last, so an interrupted purge is
     * found again by {@link #sessionsToPurge}. Refuses (returns false, removes nothing) while the session is live.
     */
    boolean purgeSession(String sessionId, Instant now);

    /**
     * Adds every charge's amount to the session's usage counter if each counter stays within its charge's limit:
     * all or nothing, atomic against concurrent reservations (a conditional update of the session item). Empty
     * when reserved; otherwise the first charge that did not fit, with its counter as found, and nothing changed.
     * {@link StoreConflictException} if the session is not live.
     */
    Optional<QuotaRefusal> reserveUsage(String sessionId, List<UsageCharge> charges, Instant now);

    /** Gives back what {@link #reserveUsage} took; a counter never goes below zero; nothing for a session that is gone. */
    void releaseUsage(String sessionId, List<UsageCharge> charges);

    /** The session's usage counters; a counter never charged is absent (zero). */
    Map<String, Long> usage(String sessionId);

    /**
     * Takes one session-creation slot for a client (a hashed address): {@code perMinute} sustained, at most
     * {@code burst} at once (the generic cell rate algorithm: one "theoretical arrival time" per client). Empty
     * when taken; otherwise how long until the next slot frees, and nothing changed.
     */
    Optional<Duration> takeCreationSlot(String clientKey, int perMinute, int burst, Instant now);
}
