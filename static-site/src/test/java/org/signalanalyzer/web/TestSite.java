package org.signalanalyzer.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/** The web process on a free port serving the test site (src/test/resources/test-site), with the given settings. */
final class TestSite {

    private TestSite() {}

    static EmbeddedServer start(Map<String, Object> settings, String... environments) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("micronaut.server.port", -1);
        all.put("site.root", "classpath:test-site");
        return ApplicationContext.run(EmbeddedServer.class, all, environments);
    }
}
