package org.signalanalyzer.functions.sessions;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.AnnotatedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.signalanalyzer.functions.store.Session;

/**
 * Binds {@code @Caller Session session}: the session named by the route's {@code {sessionId}}, opened with the
 * request's bearer token by {@link SessionAccess} (403 for a missing or wrong token, 404 for an unknown or expired
 * session). Micronaut calls binders before it reads the body, so a refused caller is answered before a bad body
 * is, on Lambda's request adapter and on the local Netty server alike.
 */
@Singleton
public class CallerSessionBinder implements AnnotatedRequestArgumentBinder<Caller, Session> {

    /** The route variable every session-scoped controller path holds. */
    public static final String SESSION_ID = "sessionId";

    private final SessionAccess access;

    public CallerSessionBinder(SessionAccess access) {
        this.access = access;
    }

    @Override
    public Class<Caller> getAnnotationType() {
        return Caller.class;
    }

    @Override
    public BindingResult<Session> bind(ArgumentConversionContext<Session> context, HttpRequest<?> request) {
        Object sessionId = BasicHttpAttributes.getRouteMatchInfo(request)
                .map(route -> route.getVariableValues().get(SESSION_ID))
                .orElse(null);
        if (sessionId == null) {
            throw new IllegalStateException("@Caller needs a route with {" + SESSION_ID + "}: " + request.getPath());
        }
        Session session = access.open(sessionId.toString(), request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        return () -> Optional.of(session);
    }
}
