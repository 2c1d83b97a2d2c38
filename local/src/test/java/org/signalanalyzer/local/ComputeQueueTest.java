package org.signalanalyzer.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpMethod;
import org.junit.jupiter.api.Test;

/** Which requests queue for a core: those that compute from a recording, and no others. */
class ComputeQueueTest {

    private static final String S = "/api/sessions/s1234567/";

    @Test
    void computingRequestsQueue() {
        assertTrue(ComputeQueue.computes(HttpMethod.POST, S + "files/f1234567/complete"));
        assertTrue(ComputeQueue.computes(HttpMethod.POST, S + "files/f1234567/filter"));
        assertTrue(ComputeQueue.computes(HttpMethod.GET, S + "files/f1234567/trace"));
        assertTrue(ComputeQueue.computes(HttpMethod.POST, S + "analyses"));
        assertTrue(ComputeQueue.computes(HttpMethod.PUT, S + "analyses/a1234567/adjustments"));
        assertTrue(ComputeQueue.computes(HttpMethod.POST, S + "analyses/a1234567/fits"));
        assertTrue(ComputeQueue.computes(HttpMethod.POST, S + "exports"));
    }

    @Test
    void shortRequestsPassAtOnce() {
        assertFalse(ComputeQueue.computes(HttpMethod.POST, "/api/sessions"));
        assertFalse(ComputeQueue.computes(HttpMethod.POST, S + "uploads"));
        assertFalse(ComputeQueue.computes(HttpMethod.GET, S + "files/f1234567"));
        assertFalse(ComputeQueue.computes(HttpMethod.GET, S + "analyses"));
        assertFalse(ComputeQueue.computes(HttpMethod.GET, S + "analyses/a1234567"));
        assertFalse(ComputeQueue.computes(HttpMethod.POST, S + "analyses/a1234567/integrals"));
        assertFalse(ComputeQueue.computes(HttpMethod.GET, S + "exports/e1234567"));
        assertFalse(ComputeQueue.computes(HttpMethod.DELETE, S + "files/f1234567"));
    }
}
