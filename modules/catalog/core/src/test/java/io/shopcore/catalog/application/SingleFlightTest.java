package io.shopcore.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deterministic: the first caller's load is held on a latch until every other caller has joined it
 * ({@link SingleFlight#joinedLoads()}), so "exactly one load" is asserted, not hoped for.
 */
class SingleFlightTest {

    private static final int CALLERS = 16;
    private final SingleFlight<String, Integer> flight = new SingleFlight<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    private final AtomicInteger loads = new AtomicInteger();
    private final CountDownLatch loading = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopThreads() {
        release.countDown();
        pool.shutdownNow();
    }

    /** A loader that counts itself, signals it has started, and finishes only when released. */
    private <V> Supplier<V> heldLoader(Supplier<V> outcome) {
        return () -> {
            loads.incrementAndGet();
            loading.countDown();
            awaitLatch(release);
            return outcome.get();
        };
    }

    /** Starts one caller that loads (and is held), then {@code CALLERS - 1} that join it; returns all futures. */
    private List<Future<Integer>> callersJoiningOneHeldLoad(Supplier<Integer> outcome) throws InterruptedException {
        List<Future<Integer>> results = new ArrayList<>();
        results.add(pool.submit(() -> flight.load("k", heldLoader(outcome))));
        assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i < CALLERS; i++) {
            results.add(pool.submit(() -> flight.load("k", heldLoader(() -> -1))));
        }
        awaitCondition(() -> flight.joinedLoads() == CALLERS - 1);
        return results;
    }

    @Test
    void givenManyConcurrentCallersOfOneKey_load_runsTheLoaderExactlyOnceAndAnswersAllWithItsValue() throws Exception {
        List<Future<Integer>> results = callersJoiningOneHeldLoad(() -> 42);
        assertThat(flight.inFlight()).isEqualTo(1);

        release.countDown();

        for (Future<Integer> f : results) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(42);
        }
        assertThat(loads.get()).isEqualTo(1);
        assertThat(flight.inFlight()).isZero();
    }

    @Test
    void givenAFailingLoadWithWaiters_load_propagatesTheSameFailureToEveryCaller() throws Exception {
        IllegalStateException failure = new IllegalStateException("db down");
        List<Future<Integer>> results = callersJoiningOneHeldLoad(() -> {
            throw failure;
        });

        release.countDown();

        for (Future<Integer> f : results) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isSameAs(failure);
        }
        assertThat(loads.get()).isEqualTo(1);
        assertThat(flight.inFlight()).isZero();
    }

    @Test
    void givenALoadFailingWithAnError_load_propagatesTheErrorToWaitersToo() throws Exception {
        AssertionError failure = new AssertionError("out of memory, say");
        List<Future<Integer>> results = callersJoiningOneHeldLoad(() -> {
            throw failure;
        });

        release.countDown();

        for (Future<Integer> f : results) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).cause().isSameAs(failure);
        }
        assertThat(flight.inFlight()).isZero();
    }

    @Test
    void givenACompletedLoad_theNextCall_loadsAgain() {
        assertThat(flight.load("k", () -> loads.incrementAndGet())).isEqualTo(1);
        assertThat(flight.load("k", () -> loads.incrementAndGet())).isEqualTo(2);
        assertThat(flight.joinedLoads()).isZero();
        assertThat(flight.inFlight()).isZero();
    }

    @Test
    void givenAFailedLoad_theNextCall_loadsAgain() {
        assertThatThrownBy(() -> flight.load("k", () -> {
                    throw new IllegalStateException("db down");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("db down");
        assertThat(flight.inFlight()).isZero();
        assertThat(flight.load("k", () -> 7)).isEqualTo(7);
    }

    @Test
    void givenALoadRunningForOneKey_loadOfAnotherKey_doesNotWaitForIt() throws Exception {
        Future<Integer> held = pool.submit(() -> flight.load("a", heldLoader(() -> 1)));
        assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(flight.load("b", () -> 2)).isEqualTo(2);
        assertThat(flight.joinedLoads()).isZero();

        release.countDown();
        assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo(1);
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
