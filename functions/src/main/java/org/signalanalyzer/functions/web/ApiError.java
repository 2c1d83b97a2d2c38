package org.signalanalyzer.functions.web;

import io.micronaut.serde.annotation.Serdeable;

/** The body of every error answer: a stable code for programs and a sentence for people. */
@Serdeable
public record ApiError(String error, String message) {}
