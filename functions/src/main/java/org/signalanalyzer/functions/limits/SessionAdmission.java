package org.signalanalyzer.functions.limits;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Who may create a session: every attempt counts against the client's creation rate first (so guessing the access
 * code is as slow as creating sessions), then the access code is checked when one is configured.
 */
@Singleton
public class SessionAdmission {

    private final CreationRateLimiter rate;
    private final AccessCode accessCode;

    public SessionAdmission(CreationRateLimiter rate, AccessCode accessCode) {
        this.rate = rate;
        this.accessCode = accessCode;
    }

    /** The request's body is read only when an access code is configured (without one it may be anything). */
    public void admit(HttpRequest<?> request) {
        rate.admit(request);
        if (accessCode.required()) accessCode.check(body(request));
    }

    private static String body(HttpRequest<?> request) {
        try {
            return request.getBody(String.class).orElse(null);
        } catch (RuntimeException empty) {
            // Lambda's request adapter throws for an absent body: no body, no code.
            return null;
        }
    }
}
