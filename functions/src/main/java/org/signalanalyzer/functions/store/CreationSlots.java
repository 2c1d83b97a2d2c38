package org.signalanalyzer.functions.store;

import java.time.Duration;

/**
 * The arithmetic of the session-creation rate (generic cell rate algorithm). A client's state is one instant, its
 * "theoretical arrival time" (TAT): each admitted creation pushes it one interval further, idle time lets the clock
 * catch up with it. A creation is admitted while the TAT is at most {@code burst - 1} intervals ahead of now.
 */
public final class CreationSlots {

    /** How long rate items are kept after the last time they matter. */
    static final long KEEP_MS = 60_000;

    private CreationSlots() {}

    public static long intervalMs(int perMinute) {
        if (perMinute < 1) throw new IllegalArgumentException("perMinute must be at least 1");
        return Math.max(1, 60_000L / perMinute);
    }

    /** The latest TAT that still admits a creation at {@code nowMs}. */
    public static long edgeMs(long nowMs, int perMinute, int burst) {
        return nowMs + (long) (Math.max(1, burst) - 1) * intervalMs(perMinute);
    }

    /** The TAT after an admitted creation (a missing or past TAT counts as now). */
    public static long next(Long tatMs, long nowMs, int perMinute) {
        return Math.max(tatMs == null ? nowMs : tatMs, nowMs) + intervalMs(perMinute);
    }

    public static boolean admits(Long tatMs, long nowMs, int perMinute, int burst) {
        return tatMs == null || tatMs <= edgeMs(nowMs, perMinute, burst);
    }

    /** How long a refused client waits (at least a millisecond). */
    public static Duration wait(long tatMs, long nowMs, int perMinute, int burst) {
        return Duration.ofMillis(Math.max(1, tatMs - edgeMs(nowMs, perMinute, burst)));
    }

    /** Epoch second after which the state of a client admitted with this TAT no longer matters. */
    static long expirySecond(long tatMs) {
        return (tatMs + KEEP_MS) / 1000 + 1;
    }
}
