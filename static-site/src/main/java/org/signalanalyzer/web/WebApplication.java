package org.signalanalyzer.web;

import io.micronaut.runtime.Micronaut;

/** The Heroku web process: serves the browser app and forwards /api to the serverless backend. */
public final class WebApplication {

    private WebApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(WebApplication.class, args);
    }
}
