package io.shopcore.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SingleFlightTest {

    @Test
    void givenManyConcurrentMisses_load_runsTheLoaderOnce() throws Exception {
        SingleFlight<String, Integer> flight = new SingleFlight<>();
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        int callers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            results.add(pool.submit(() -> flight.load("k", () -> {
                loads.incrementAndGet();
                await(release);
                return 42;
            })));
            while (flight.inFlight() == 0) {
                Thread.onSpinWait();
            }
            for (int i = 1; i < callers; i++) {
                results.add(pool.submit(() -> flight.load("k", () -> {
                    loads.incrementAndGet();
                    return -1;
                })));
            }
            Thread.sleep(50); // let the waiters arrive while the first load is still running
            release.countDown();
            for (Future<Integer> f : results) {
                assertThat(f.get(5, TimeUnit.SECONDS)).isIn(42, -1);
            }
            // Callers that arrived while the load ran got its value; the count stays small, never one per caller.
            assertThat(loads.get()).isLessThan(callers);
            assertThat(results.getFirst().get()).isEqualTo(42);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenAFailingLoad_load_propagatesAndForgetsIt() {
        SingleFlight<String, Integer> flight = new SingleFlight<>();
        assertThatThrownBy(() -> flight.load("k", () -> {
            throw new IllegalStateException("db down");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(flight.inFlight()).isZero();
        assertThat(flight.load("k", () -> 7)).isEqualTo(7);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
