package org.signalanalyzer.functions.bench;

import io.micronaut.function.aws.MicronautRequestHandler;
import java.util.Map;

/**
 * The cold-start benchmark's peer: a Micronaut function that does nothing (its own application context, no beans
 * of this project), started the same way as the real handler. {@link ColdStart} runs it without the project's
 * classes on the class path, so what it measures is Micronaut's and the JVM's own start.
 */
public class TrivialFunction extends MicronautRequestHandler<Map<String, Object>, String> {

    @Override
    public String execute(Map<String, Object> input) {
        return "{\"ok\":true}";
    }
}
