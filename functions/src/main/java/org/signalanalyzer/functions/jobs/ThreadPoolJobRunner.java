package org.signalanalyzer.functions.jobs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Jobs on a small bounded pool in this process (the local runtime, tests): full pool and queue → busy. */
@Singleton
@Requires(property = "signal.jobs.runner", value = "threads", defaultValue = "threads")
public class ThreadPoolJobRunner implements JobRunner {

    private final ThreadPoolExecutor pool;
    private final Provider<BatchJobs> jobs;

    public ThreadPoolJobRunner(Provider<BatchJobs> jobs, @Value("${signal.jobs.threads:2}") int threads,
                               @Value("${signal.jobs.queue:16}") int queue) {
        this.jobs = jobs;
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread t = new Thread(r, "signal-job");
                    t.setDaemon(true);
                    return t;
                });
    }

    @Override
    public void submit(JobRequest request) {
        try {
            pool.execute(() -> jobs.get().run(request));
        } catch (RejectedExecutionException e) {
            throw new JobsBusyException("all job slots are taken", e);
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
