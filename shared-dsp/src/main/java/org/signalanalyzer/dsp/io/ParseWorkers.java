package org.signalanalyzer.dsp.io;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A few daemon threads that help the calling thread through independent pieces of one parse (chunks of a text
 * recording's data block). The caller works too, so {@code threads()} counts it: on a 2-core machine that is the
 * caller and one helper. Pieces are claimed one at a time, so a helper slowed by other work on the machine takes
 * fewer of them instead of holding the whole parse back.
 */
final class ParseWorkers {

    /** Beyond a few threads the parse is limited by memory bandwidth, and a server has other requests to serve. */
    private static final int MAX_THREADS = 4;

    private ParseWorkers() {}

    /** Threads a parse may use, the caller included. */
    static int threads() {
        return Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    /** Created on the first parallel parse: a short-lived CLI or a small file never starts a thread. */
    private static final class Pool {
        static final ExecutorService HELPERS = Executors.newFixedThreadPool(Math.max(1, threads() - 1), r -> {
            Thread t = new Thread(r, "recording-parse");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code task} for 0 .. pieces-1 on the caller and the helpers and returns when every piece is done. The
     * task must not throw: each piece records its own outcome (a parse error included) where the caller reads it.
     */
    static void run(int pieces, IntConsumer task) {
        if (pieces <= 1 || threads() == 1) {
            for (int i = 0; i < pieces; i++) task.accept(i);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(pieces);
        Runnable worker = () -> {
            for (int i; (i = next.getAndIncrement()) < pieces; ) {
                try {
                    task.accept(i);
                } finally {
                    done.countDown();
                }
            }
        };
        int helpers = Math.min(threads() - 1, pieces - 1);
        for (int h = 0; h < helpers; h++) Pool.HELPERS.execute(worker);
        worker.run();
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                // The pieces write into arrays the caller is about to return: it must not leave before they finish.
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
