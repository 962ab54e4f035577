package io.shopcore.bootstrap.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Background load for fault tests: {@code threads} threads run a step over and over until {@link #stop()}, while
 * the test breaks something and watches. A step reports what it saw; anything it throws is kept as a failure
 * (the load goes on), so the test asserts afterwards that nothing unexpected happened, with the details.
 */
public final class LoadRunner implements AutoCloseable {

    /** One unit of load; {@code thread} is 0..threads-1, {@code iteration} counts from 0 per thread. */
    @FunctionalInterface
    public interface Step {
        void run(int thread, long iteration) throws Exception;
    }

    private static final int MAX_KEPT_FAILURES = 50;

    private final ExecutorService pool;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong steps = new AtomicLong();
    private final AtomicLong failureCount = new AtomicLong();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();

    private LoadRunner(int threads, Step step) {
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "load");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < threads; i++) {
            int thread = i;
            pool.execute(() -> {
                for (long n = 0; running.get(); n++) {
                    try {
                        step.run(thread, n);
                    } catch (Exception | AssertionError e) {
                        fail(e.toString());
                    }
                    steps.incrementAndGet();
                }
            });
        }
    }

    public static LoadRunner start(int threads, Step step) {
        return new LoadRunner(threads, step);
    }

    /** Steps finished so far (passed or failed). */
    public long steps() {
        return steps.get();
    }

    /** Records an unexpected observation without throwing (for steps that go on after it). */
    public void fail(String what) {
        failureCount.incrementAndGet();
        if (failures.size() < MAX_KEPT_FAILURES) {
            failures.add(what);
        }
    }

    public long failureCount() {
        return failureCount.get();
    }

    /** The first failures (at most 50). */
    public List<String> failures() {
        return new ArrayList<>(failures);
    }

    /** Stops the load and waits for the steps in progress (each bounded by its client's timeouts). */
    public void stop() {
        running.set(false);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                pool.shutdownNow();
                throw new IllegalStateException("load threads did not stop within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
        if (running.get()) {
            stop();
        }
    }
}
