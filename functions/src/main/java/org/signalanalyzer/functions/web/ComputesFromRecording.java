package org.signalanalyzer.functions.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint whose work is computing from recordings (parsing an upload, filtering, analysing, fitting,
 * exporting), as opposed to reading or writing a small document or one bounded window of samples (the plot's trace). A runtime that shares its cores among
 * requests runs these a few at a time (the local runtime's {@code ComputeQueue}), so that short requests are not
 * stuck behind a crowd of them; on Lambda every instance serves one request at a time and the mark changes nothing.
 * The endpoint itself is the one place that says it computes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ComputesFromRecording {}
