package io.shopcore.infrastructure.capacity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopcore.infrastructure.observability.RequestIds;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logmanager.MDC;

/**
 * A fixed number of platform threads behind a queue of fixed capacity. When every thread is busy and
 * the queue is full, {@link #execute} throws {@link RejectedExecutionException} at once: the caller
 * answers "overloaded" instead of parking the work in an unbounded queue (which is what the shared
 * worker pool and {@code Executors.new*} pools do). Threads are daemons, created on demand and retired
 * after a minute idle.
 *
 * <p>Metrics ({@code prefix}): {@code prefix.queue} and {@code prefix.active} gauges,
 * {@code prefix.rejected} counter.
 */
public final class BoundedExecutor implements Executor, AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final Counter rejected;
    private final String name;

    public BoundedExecutor(String name, int threads, int queueCapacity, MeterRegistry registry, String metricPrefix) {
        this.name = Objects.requireNonNull(name, "name");
        if (threads < 1) {
            throw new IllegalArgumentException(name + ": threads must be at least 1");
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException(name + ": queue capacity must be at least 1");
        }
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                threads,
                threads,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity),
                r -> Thread.ofPlatform()
                        .daemon()
                        .name(name + "-" + n.incrementAndGet())
                        .unstarted(r),
                new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        Gauge.builder(metricPrefix + ".queue", pool, p -> p.getQueue().size())
                .description("tasks waiting for a thread of " + name)
                .register(registry);
        Gauge.builder(metricPrefix + ".active", pool, ThreadPoolExecutor::getActiveCount)
                .description("busy threads of " + name)
                .register(registry);
        this.rejected = Counter.builder(metricPrefix + ".rejected")
                .description("tasks refused because every thread of " + name + " was busy and its queue full")
                .register(registry);
    }

    /**
     * Runs the task on one of the threads, or throws {@link RejectedExecutionException} at once when saturated.
     * The caller's request id goes with the task, so its log lines still name the request.
     */
    @Override
    public void execute(Runnable task) {
        try {
            pool.execute(withRequestId(RequestIds.current(), task));
        } catch (RejectedExecutionException e) {
            rejected.increment();
            throw e;
        }
    }

    private static Runnable withRequestId(String requestId, Runnable task) {
        if (requestId == null) {
            return task;
        }
        return () -> {
            MDC.put(RequestIds.MDC_KEY, requestId);
            try {
                task.run();
            } finally {
                MDC.remove(RequestIds.MDC_KEY);
            }
        };
    }

    /** Tasks waiting for a thread now. */
    public int queued() {
        return pool.getQueue().size();
    }

    /** Threads running a task now (approximate, as {@link ThreadPoolExecutor#getActiveCount}). */
    public int active() {
        return pool.getActiveCount();
    }

    /** Stops taking tasks and lets the running and queued ones finish for up to {@code grace}. */
    public void shutdown(Duration grace) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(5));
    }

    @Override
    public String toString() {
        return "BoundedExecutor[" + name + "]";
    }
}
