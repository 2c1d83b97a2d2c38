package org.signalanalyzer.functions.jobs;

import java.util.Map;

/**
 * What the job worker's OnFailure destination needs of Lambda's failure record ({@code version},
 * {@code requestContext.condition}, {@code requestPayload}, {@code responseContext}, {@code responsePayload}): which
 * job, and a reason a person can read.
 */
record JobFailureRecord(JobRequest request, String reason) {

    static JobFailureRecord of(Map<String, Object> event) {
        Map<?, ?> payload = object(event.get("requestPayload"));
        Object sessionId = payload.get("sessionId");
        Object jobId = payload.get("jobId");
        if (!(sessionId instanceof String s) || !(jobId instanceof String j)) {
            throw new IllegalArgumentException("the failure record names no job: requestPayload " + payload);
        }
        return new JobFailureRecord(new JobRequest(s, j), reason(event));
    }

    private static String reason(Map<String, Object> event) {
        Object message = object(event.get("responsePayload")).get("errorMessage");
        Object condition = object(event.get("requestContext")).get("condition");
        if (message instanceof String m && !m.isBlank()) {
            // Lambda prefixes timeouts with the time and the request id; the rest is the part a person needs.
            int timedOut = m.indexOf("Task timed out");
            return timedOut >= 0 ? m.substring(timedOut).trim() : m.trim();
        }
        if ("EventAgeExceeded".equals(condition)) return "the worker could not be started in time";
        return "the worker failed" + (condition == null ? "" : " (" + condition + ")");
    }

    private static Map<?, ?> object(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }
}
