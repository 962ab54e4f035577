package io.shopcore.catalog.adapter.out.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescingAvailabilityTest {

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

    @Test
    void givenOneCaller_availableFor_answersDirectly() {
        AtomicInteger calls = new AtomicInteger();
        var c = new CoalescingAvailability(ids -> { calls.incrementAndGet(); return fakeStock(ids); }, 2);
        assertThat(c.availableFor(List.of(1L, 2L, 5000L))).isEqualTo(Map.of(1L, 10, 2L, 20));
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void givenManyConcurrentCallers_availableFor_answersEachWithItsOwnIdsInFewerQueries() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxSeen = new AtomicInteger();
        var c = new CoalescingAvailability(ids -> {
            calls.incrementAndGet();
            maxSeen.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            concurrent.decrementAndGet();
            return fakeStock(ids);
        }, 2);
        int callers = 40;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Map<Long, Integer>>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                long base = i * 20L;
                answers.add(pool.submit(() -> {
                    start.await();
                    return c.availableFor(List.of(base + 1, base + 2, 9999L));
                }));
            }
            start.countDown();
            for (int i = 0; i < callers; i++) {
                long base = i * 20L;
                assertThat(answers.get(i).get(10, TimeUnit.SECONDS))
                        .isEqualTo(Map.of(base + 1, (int) (base + 1) * 10, base + 2, (int) (base + 2) * 10));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls.get()).isLessThan(callers);
        assertThat(maxSeen.get()).isLessThanOrEqualTo(2);
        // Afterwards it is idle again: a lone caller leads at once.
        assertThat(c.availableFor(List.of(3L))).isEqualTo(Map.of(3L, 30));
    }

    @Test
    void givenAFailingQuery_availableFor_failsThatBatchAndRecovers() {
        AtomicInteger calls = new AtomicInteger();
        var c = new CoalescingAvailability(ids -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return fakeStock(ids);
        }, 1);
        assertThatThrownBy(() -> c.availableFor(List.of(1L))).isInstanceOf(IllegalStateException.class);
        assertThat(c.availableFor(List.of(1L))).isEqualTo(Map.of(1L, 10));
    }
}
