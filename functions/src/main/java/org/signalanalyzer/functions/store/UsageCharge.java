package org.signalanalyzer.functions.store;

/** What one request adds to one of its session's usage counters, and the most that counter may reach. */
public record UsageCharge(String counter, long amount, long limit) {

    public UsageCharge {
        if (counter == null || !counter.matches("[a-zA-Z]+"))
            throw new IllegalArgumentException("bad counter " + counter);
        if (amount < 0 || limit < 0) throw new IllegalArgumentException("negative amount or limit");
    }
}
