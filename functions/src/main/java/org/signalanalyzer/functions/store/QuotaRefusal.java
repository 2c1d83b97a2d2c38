package org.signalanalyzer.functions.store;

/** A reservation that did not fit: the charge that would have passed its limit and the counter as it was found. */
public record QuotaRefusal(UsageCharge charge, long used) {}
