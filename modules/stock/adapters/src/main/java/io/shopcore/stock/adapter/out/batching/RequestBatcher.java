package io.shopcore.stock.adapter.out.batching;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopcore.infrastructure.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Coalesces concurrent requests into batches that one function applies at once, and answers each
 * caller through its own future. Knows nothing of what a request is: the stock module feeds it
 * reservations and a JDBC transaction, its tests feed it numbers and latches.
 *
 * <ul>
 *   <li><b>Queue and back-pressure</b>: callers put their request on a bounded queue and return at
 *       once with a future ({@link #submit} never blocks). A full queue, too many queued requests of
 *       one partition (e.g. one hot product), or a stopped batcher answers {@code overloaded} at once.</li>
 *   <li><b>Writers</b>: {@code writers} threads each loop: block for the first request, take whatever
 *       else is queued up to {@code maxBatchSize}, optionally wait up to {@code maxWait} for more
 *       (a lone request never waits when it is 0), then apply the batch. A request that waited in the
 *       queue longer than {@code maxQueueTime} is answered {@code overloaded} instead of being applied late.</li>
 *   <li><b>Answers</b>: the function returns one answer per request, in order; each future completes
 *       with its own. If the function throws, every caller of that batch gets the exception.</li>
 *   <li><b>Shutdown</b> ({@link #close}): no new requests; writers apply what is queued, then stop; what
 *       is still queued after {@code shutdownGrace} is answered {@code overloaded}. Every caller that
 *       got a future gets an answer.</li>
 * </ul>
 * Metrics (prefix {@code p}): {@code p.queue} gauge, {@code p.size} summary, {@code p.transaction} timer,
 * {@code p.overflow}, {@code p.shed}, {@code p.failures} counters.
 */
public final class RequestBatcher<Q, A> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RequestBatcher.class);

    private final BatchSettings settings;
    private final Function<? super Q, ?> partitionOf;
    private final Function<List<Q>, List<A>> apply;
    private final Supplier<A> overloaded;
    private final LongSupplier nanoTime;
    private final String threadName;
    private final BlockingQueue<Pending<Q, A>> queue;
    /** Requests in flight per partition; entries vanish at zero, so unknown partitions cannot grow it. */
    private final ConcurrentHashMap<Object, Integer> queuedPerPartition = new ConcurrentHashMap<>();

    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    private final BatcherMetrics metrics;

    /**
     * @param partitionOf which partition a request counts against ({@code maxQueuedPerPartition})
     * @param apply       applies one batch (blocking is fine: it runs on a writer thread) and returns
     *                    one answer per request, in order
     * @param overloaded  the answer for a request refused by back-pressure or shutdown
     * @param nanoTime    the clock for queue ages ({@code System::nanoTime}; tests pass their own)
     */
    public RequestBatcher(
            BatchSettings settings,
            Function<? super Q, ?> partitionOf,
            Function<List<Q>, List<A>> apply,
            Supplier<A> overloaded,
            MeterRegistry registry,
            String metricPrefix,
            String threadName,
            LongSupplier nanoTime) {
        this.settings = settings;
        this.partitionOf = partitionOf;
        this.apply = apply;
        this.overloaded = overloaded;
        this.nanoTime = nanoTime;
        this.threadName = threadName;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.metrics = new BatcherMetrics(registry, metricPrefix, queue::size);
    }

    public void start() {
        running = true;
        for (int i = 0; i < settings.writers(); i++) {
            Thread t = Thread.ofPlatform().daemon().name(threadName + "-" + i).unstarted(this::loop);
            writers.add(t);
            t.start();
        }
    }

    /**
     * Queues the request and returns at once; the future completes on a writer thread after its batch
     * was applied (or failed). Back-pressure is answered immediately, never queued.
     */
    public CompletionStage<A> submit(Q request) {
        Object partition = partitionOf.apply(request);
        if (queuedPerPartition.merge(partition, 1, Integer::sum) > settings.maxQueuedPerPartition()) {
            leave(partition);
            metrics.overflowed();
            return CompletableFuture.completedFuture(overloaded.get());
        }
        Pending<Q, A> p = new Pending<>(request, nanoTime.getAsLong());
        if (!running || !queue.offer(p)) {
            leave(partition);
            metrics.overflowed();
            return CompletableFuture.completedFuture(overloaded.get());
        }
        if (!running && queue.remove(p)) {
            // Stopped between the check and the offer, and no writer took it: answer it here.
            p.future.complete(overloaded.get());
        }
        // A writer always completes the future (after its batch, or at shutdown); the timeout is a safety net,
        // longer than a batch can take (BatchSettings#answerTimeout), so it never fires while a batch may commit.
        long safetyMillis = settings.answerTimeout().toMillis();
        return p.future.orTimeout(safetyMillis, TimeUnit.MILLISECONDS).handle((answer, failure) -> {
            leave(partition);
            if (failure == null) {
                return answer;
            }
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof TimeoutException) {
                LOG.warnf("%s: a batched request got no answer in time", settings.store());
                throw new StoreUnavailableException(settings.store(), "no answer from the batch writer in time", cause);
            }
            throw cause instanceof RuntimeException re ? re : new CompletionException(cause);
        });
    }

    /** Requests waiting for a writer now. */
    public int queued() {
        return queue.size();
    }

    private void leave(Object partition) {
        queuedPerPartition.computeIfPresent(partition, (k, n) -> n <= 1 ? null : n - 1);
    }

    private void loop() {
        List<Pending<Q, A>> batch = new ArrayList<>(settings.maxBatchSize());
        long maxWaitNanos = settings.maxWait().toNanos();
        while (running || !queue.isEmpty()) {
            try {
                Pending<Q, A> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, settings.maxBatchSize() - 1);
                if (maxWaitNanos > 0 && batch.size() < settings.maxBatchSize()) {
                    long deadline = System.nanoTime() + maxWaitNanos;
                    long left;
                    while (batch.size() < settings.maxBatchSize() && (left = deadline - System.nanoTime()) > 0) {
                        Pending<Q, A> next = queue.poll(left, TimeUnit.NANOSECONDS);
                        if (next == null) {
                            break;
                        }
                        batch.add(next);
                        queue.drainTo(batch, settings.maxBatchSize() - batch.size());
                    }
                }
                process(batch);
            } catch (InterruptedException e) {
                // Nobody here interrupts writers; if the platform does, answer what was taken and stop.
                for (Pending<Q, A> p : batch) {
                    p.future.complete(overloaded.get());
                }
                break;
            } catch (Throwable t) {
                LOG.errorf(t, "%s: batch writer failure", settings.store());
                for (Pending<Q, A> p : batch) {
                    p.future.completeExceptionally(t);
                }
            } finally {
                batch.clear();
            }
        }
    }

    /** Applies one batch and answers every caller in it. */
    private void process(List<Pending<Q, A>> batch) {
        long started = nanoTime.getAsLong();
        long maxQueueNanos = settings.maxQueueTime().toNanos();
        List<Pending<Q, A>> live = new ArrayList<>(batch.size());
        for (Pending<Q, A> p : batch) {
            if (started - p.enqueuedNanos > maxQueueNanos) {
                metrics.shed();
                p.future.complete(overloaded.get());
            } else {
                live.add(p);
            }
        }
        if (live.isEmpty()) {
            return;
        }
        List<Q> requests = new ArrayList<>(live.size());
        for (Pending<Q, A> p : live) {
            requests.add(p.request);
        }
        long t0 = System.nanoTime();
        List<A> answers;
        try {
            answers = apply.apply(requests);
            if (answers.size() != live.size()) {
                throw new IllegalStateException("a batch of " + live.size() + " got " + answers.size() + " answers");
            }
        } catch (RuntimeException e) {
            metrics.failed();
            if (!(e instanceof StoreUnavailableException)) {
                LOG.errorf(e, "%s: a batch failed", settings.store());
            }
            for (Pending<Q, A> p : live) {
                p.future.completeExceptionally(e);
            }
            return;
        }
        metrics.applied(live.size(), System.nanoTime() - t0);
        for (int i = 0; i < live.size(); i++) {
            live.get(i).future.complete(answers.get(i));
        }
    }

    /**
     * Stops taking requests, lets the writers apply what is queued for up to {@code shutdownGrace},
     * then answers whatever is still queued with {@code overloaded}.
     */
    @Override
    public void close() {
        running = false;
        long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
        for (Thread t : writers) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Pending<Q, A> p;
        while ((p = queue.poll()) != null) {
            p.future.complete(overloaded.get());
        }
        // A writer still inside a batch finishes it (its callers get that batch's answers) and then
        // finds the queue empty and stops; it is a daemon thread, so it never holds up the exit.
    }

    /** One waiting caller. */
    private static final class Pending<Q, A> {
        final Q request;
        final long enqueuedNanos;
        final CompletableFuture<A> future = new CompletableFuture<>();

        Pending(Q request, long enqueuedNanos) {
            this.request = request;
            this.enqueuedNanos = enqueuedNanos;
        }
    }
}
