package org.signalanalyzer.functions.jobs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs on a small bounded pool in this process (the local runtime, tests): full pool and queue → busy. At stop,
 * started and queued jobs get {@code signal.jobs.stop-grace} to finish; whatever is still unfinished then is marked
 * failed, so no job is left "running" forever.
 */
@Singleton
@Requires(property = "signal.jobs.runner", value = "threads", defaultValue = "threads")
public class ThreadPoolJobRunner implements JobRunner {

    static final String STOPPED = "The server stopped while this batch was running; start it again.";
    private static final Logger LOG = LoggerFactory.getLogger(ThreadPoolJobRunner.class);

    private final ThreadPoolExecutor pool;
    private final Provider<BatchJobs> jobs;
    private final Duration stopGrace;
    private final Set<JobRequest> unfinished = ConcurrentHashMap.newKeySet();

    public ThreadPoolJobRunner(
            Provider<BatchJobs> jobs,
            @Value("${signal.jobs.threads:2}") int threads,
            @Value("${signal.jobs.queue:16}") int queue,
            @Value("${signal.jobs.stop-grace:30s}") Duration stopGrace) {
        this.jobs = jobs;
        this.stopGrace = stopGrace;
        this.pool =
                new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
                    Thread t = new Thread(r, "signal-job");
                    t.setDaemon(true);
                    return t;
                });
    }

    @Override
    public void submit(JobRequest request) {
        unfinished.add(request);
        try {
            pool.execute(() -> {
                try {
                    jobs.get().run(request);
                } finally {
                    unfinished.remove(request);
                }
            });
        } catch (RejectedExecutionException e) {
            unfinished.remove(request);
            throw new JobsBusyException("all job slots are taken", e);
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
        try {
            if (pool.awaitTermination(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Taken before the interrupt: an interrupted batch may leave the set without having recorded an end.
        List<JobRequest> left = List.copyOf(unfinished);
        pool.shutdownNow();
        for (JobRequest request : left) {
            try {
                jobs.get().abandon(request, STOPPED);
            } catch (RuntimeException e) {
                LOG.warn(
                        "job {} of session {} could not be marked failed at stop",
                        request.jobId(),
                        request.sessionId(),
                        e);
            }
        }
    }
}
