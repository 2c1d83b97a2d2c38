package org.signalanalyzer.web;

import io.micronaut.runtime.Micronaut;

/** The Heroku web process: serves the browser app and forwards /api to the serverless backend. */
public final class WebApplication {

    /**
     * The environment whose files (application-web.yml) configure this process. The local runtime has this
     * module's jar on its classpath for {@link SiteController} and must not pick up the web process's settings.
     */
    static final String ENVIRONMENT = "web";
    /** Named apart from logback.xml for the same reason; a -Dlogback.configurationFile given at launch wins. */
    static final String LOGGING = "logback-web.xml";

    private WebApplication() {}

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGGING);
        }
        Micronaut.build(args)
                .mainClass(WebApplication.class)
                .environments(ENVIRONMENT)
                .start();
    }
}
