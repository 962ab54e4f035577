package io.shopcore.catalog.adapter.out.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deterministic: queries are held on latches, and callers are released only once they are known to be
 * running or queued, so the number of queries is asserted exactly.
 */
class CoalescingAvailabilityTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Set<Long>> queries = new CopyOnWriteArrayList<>();
    private final AtomicInteger entered = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopThreads() {
        release.countDown();
        pool.shutdownNow();
    }

    /** Availability of product n is n * 10; product ids above 1000 are unknown. */
    static Map<Long, Integer> fakeStock(Collection<Long> ids) {
        Map<Long, Integer> out = new HashMap<>();
        for (Long id : ids) {
            if (id <= 1000) {
                out.put(id, (int) (id * 10));
            }
        }
        return out;
    }

    /** Records each query; the first {@code held} queries wait for {@link #release}. */
    private CoalescingAvailability coalescing(int maxConcurrent, int held, int failingQuery) {
        return new CoalescingAvailability(
                ids -> {
                    int n = entered.incrementAndGet();
                    queries.add(Set.copyOf(ids));
                    if (n <= held) {
                        awaitLatch(release);
                    }
                    if (n == failingQuery) {
                        throw new IllegalStateException("database down");
                    }
                    return fakeStock(ids);
                },
                maxConcurrent);
    }

    private Future<Map<Long, Integer>> ask(CoalescingAvailability c, Long... ids) {
        return pool.submit(() -> c.availableFor(List.of(ids)));
    }

    @Test
    void givenOneCaller_availableFor_answersDirectlyWithKnownIdsOnly() {
        CoalescingAvailability c = coalescing(2, 0, 0);
        assertThat(c.availableFor(List.of(1L, 2L, 5000L))).isEqualTo(Map.of(1L, 10, 2L, 20));
        assertThat(queries).containsExactly(Set.of(1L, 2L, 5000L));
    }

    @Test
    void givenCallersQueuedBehindARunningQuery_availableFor_answersThemAllWithOneMoreQuery() throws Exception {
        CoalescingAvailability c = coalescing(1, 1, 0);
        Future<Map<Long, Integer>> first = ask(c, 1L);
        awaitCondition(() -> entered.get() == 1);
        List<Future<Map<Long, Integer>>> queued = new ArrayList<>();
        for (long i = 1; i <= 10; i++) {
            queued.add(ask(c, 100 + i, 9999L));
        }
        awaitCondition(() -> c.queued() == 10);

        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(Map.of(1L, 10));
        for (int i = 0; i < 10; i++) {
            long id = 101 + i;
            assertThat(queued.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(Map.of(id, (int) id * 10));
        }
        assertThat(queries).hasSize(2);
        assertThat(queries.get(1)).hasSize(11).contains(101L, 110L, 9999L);
        assertThat(c.queued()).isZero();
        assertThat(c.availableFor(List.of(3L)))
                .as("idle again: a lone caller leads at once")
                .isEqualTo(Map.of(3L, 30));
    }

    @Test
    void givenMaxConcurrentTwo_availableFor_runsTwoQueriesAtOnceAndQueuesTheThird() throws Exception {
        CoalescingAvailability c = coalescing(2, 2, 0);
        Future<Map<Long, Integer>> a = ask(c, 1L);
        Future<Map<Long, Integer>> b = ask(c, 2L);
        awaitCondition(() -> entered.get() == 2);
        Future<Map<Long, Integer>> third = ask(c, 3L);
        awaitCondition(() -> c.queued() == 1);
        assertThat(entered.get()).isEqualTo(2);

        release.countDown();

        assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo(Map.of(1L, 10));
        assertThat(b.get(10, TimeUnit.SECONDS)).isEqualTo(Map.of(2L, 20));
        assertThat(third.get(10, TimeUnit.SECONDS)).isEqualTo(Map.of(3L, 30));
        assertThat(queries).hasSize(3);
    }

    @Test
    void givenAFailingBatch_availableFor_failsEveryCallerOfThatBatchAndRecovers() throws Exception {
        CoalescingAvailability c = coalescing(1, 1, 2);
        Future<Map<Long, Integer>> first = ask(c, 1L);
        awaitCondition(() -> entered.get() == 1);
        Future<Map<Long, Integer>> second = ask(c, 2L);
        awaitCondition(() -> c.queued() == 1);
        Future<Map<Long, Integer>> third = ask(c, 3L);
        awaitCondition(() -> c.queued() == 2);

        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(Map.of(1L, 10));
        for (Future<Map<Long, Integer>> f : List.of(second, third)) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("database down");
        }
        assertThat(queries).containsExactly(Set.of(1L), Set.of(2L, 3L));
        assertThat(c.availableFor(List.of(4L))).isEqualTo(Map.of(4L, 40));
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls a condition that the threads under test make true; fails after a generous deadline. */
    private static void awaitCondition(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 10 s");
            }
            Thread.onSpinWait();
        }
    }
}
