package org.signalanalyzer.functions.sessions;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.micronaut.core.bind.annotation.Bindable;
import io.swagger.v3.oas.annotations.Parameter;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a controller's {@code Session} argument as the caller's session, opened by {@link CallerSessionBinder} from
 * the route's {@code {sessionId}} and the bearer token before the method runs (and before its body is read). Hidden
 * from the OpenAPI document: the route's path variable and the Authorization header are what a client sends.
 */
@Documented
@Retention(RUNTIME)
@Target(PARAMETER)
@Bindable
@Parameter(hidden = true)
public @interface Caller {}
