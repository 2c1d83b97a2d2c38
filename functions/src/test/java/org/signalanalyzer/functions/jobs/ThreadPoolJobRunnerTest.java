package org.signalanalyzer.functions.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalanalyzer.functions.support.ApiHarness.call;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.functions.sessions.Tokens;
import org.signalanalyzer.functions.store.Documents;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.store.SessionStore;
import org.signalanalyzer.functions.support.ApiHarness;

/**
 * Stopping the in-process job pool: a batch that finishes within the grace period is let finish (not interrupted);
 * one that does not, and one still queued, end as failed with a message a person can act on instead of staying
 * "running" forever.
 */
class ThreadPoolJobRunnerTest {

    /** Records what the runner asks of the batch work; each run blocks until {@link #release} opens. */
    static final class FakeJobs extends BatchJobs {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final Map<String, Boolean> finished = new ConcurrentHashMap<>();
        final Map<String, String> abandoned = new ConcurrentHashMap<>();

        FakeJobs() {
            super(null, null, null, null, null, null, null, null);
        }

        @Override
        public void run(JobRequest request) {
            started.countDown();
            try {
                release.await();
                finished.put(request.jobId(), Thread.currentThread().isInterrupted());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void abandon(JobRequest request, String message) {
            abandoned.put(request.jobId(), message);
        }
    }

    @Test
    void aBatchThatFinishesWithinTheGraceIsLetFinish() throws Exception {
        FakeJobs jobs = new FakeJobs();
        ThreadPoolJobRunner runner = new ThreadPoolJobRunner(() -> jobs, 1, 4, Duration.ofSeconds(60));
        runner.submit(new JobRequest("s", "running"));
        assertTrue(jobs.started.await(10, TimeUnit.SECONDS));
        Thread stopper = new Thread(runner::stop);
        stopper.start();
        jobs.release.countDown();
        stopper.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(stopper.isAlive(), "stop returns once the batch is done");
        assertEquals(Map.of("running", false), jobs.finished, "finished, and never interrupted");
        assertEquals(Map.of(), jobs.abandoned);
    }

    @Test
    void batchesUnfinishedAfterTheGraceAreMarkedFailed() throws Exception {
        FakeJobs jobs = new FakeJobs();
        ThreadPoolJobRunner runner = new ThreadPoolJobRunner(() -> jobs, 1, 4, Duration.ofMillis(200));
        runner.submit(new JobRequest("s", "running"));
        assertTrue(jobs.started.await(10, TimeUnit.SECONDS));
        runner.submit(new JobRequest("s", "queued"));
        runner.stop();
        assertEquals(
                Map.of("running", ThreadPoolJobRunner.STOPPED, "queued", ThreadPoolJobRunner.STOPPED), jobs.abandoned);
        assertEquals(Map.of(), jobs.finished);
    }

    @Test
    void anAbandonedJobReadsFailedWithItsProgressKept() {
        String[] s = ApiHarness.newSession();
        ApplicationContext context = ApiHarness.handler().getApplicationContext();
        SessionStore store = context.getBean(SessionStore.class);
        Documents documents = context.getBean(Documents.class);
        Session session =
                store.findSession(s[0], context.getBean(Clock.class).instant()).orElseThrow();
        String jobId = Tokens.newId();
        JobState running = new JobState(
                jobId,
                JobState.RUNNING,
                1,
                3,
                "",
                List.of("f1", "f2", "f3"),
                "{}",
                "lab-sets",
                List.of("a1"),
                null,
                session.createdAt());
        documents.create(session, JobState.KIND, jobId, running);

        context.getBean(BatchJobs.class).abandon(new JobRequest(s[0], jobId), ThreadPoolJobRunner.STOPPED);

        JsonNode status = call("GET", "/api/sessions/" + s[0] + "/jobs/" + jobId, s[1], null)
                .json();
        assertEquals("failed", status.get("status").asText(), status.toString());
        assertEquals(ThreadPoolJobRunner.STOPPED, status.get("message").asText());
        assertEquals(1, status.get("done").asInt());
        assertEquals(3, status.get("total").asInt());
    }
}
