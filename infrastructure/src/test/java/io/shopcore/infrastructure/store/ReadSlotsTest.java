package io.shopcore.infrastructure.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A store's bound on concurrent reads, ordered with latches (no sleeps). */
class ReadSlotsTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void givenAllSlotsBusy_aRead_waitsAndRunsWhenOneIsFree_neverMoreAtOnce() throws Exception {
        ReadSlots slots = new ReadSlots("catalog", 2, Duration.ofSeconds(30), registry);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch twoRunning = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Integer>> reads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            reads.add(threads.submit(() -> slots.run(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                twoRunning.countDown();
                await(release);
                running.decrementAndGet();
                return n;
            })));
        }
        assertThat(twoRunning.await(10, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        for (int i = 0; i < reads.size(); i++) {
            assertThat(reads.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
        }
        assertThat(mostAtOnce).hasValue(2);
        assertThat(registry.get("shopcore.catalog.read.refused").counter().count())
                .isZero();
    }

    @Test
    void givenNoSlotWithinTheQueueTimeout_aRead_isRefusedAsUnavailableAndCounted() throws Exception {
        ReadSlots slots = new ReadSlots("catalog", 1, Duration.ZERO, registry);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> holder = holdTheOnlySlot(slots, release);

        assertThatThrownBy(() -> slots.run(() -> "never")).isInstanceOf(StoreUnavailableException.class);
        assertThat(registry.get("shopcore.catalog.read.refused").counter().count())
                .isEqualTo(1.0);

        release.countDown();
        assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("held");
        assertThat(slots.run(() -> "free again")).isEqualTo("free again");
    }

    @Test
    void givenReadsQueuedOneAfterAnother_slots_areHandedOutInArrivalOrder() throws Exception {
        ReadSlots slots = new ReadSlots("stock", 1, Duration.ofSeconds(30), registry);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> holder = holdTheOnlySlot(slots, release);

        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<Future<Integer>> waiters = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            waiters.add(threads.submit(() -> slots.run(() -> {
                order.add(n);
                return n;
            })));
            awaitWaiting(i + 1); // the next one arrives only once this one is queued
        }
        release.countDown();
        assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("held");
        for (Future<Integer> w : waiters) {
            w.get(10, TimeUnit.SECONDS);
        }
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
        assertThat(registry.get("shopcore.stock.read.waiting").gauge().value()).isZero();
    }

    @Test
    void givenASlotHeldLongerThanTheQueueTimeout_aWaitingRead_isRefusedNamingItsStore() throws Exception {
        ReadSlots slots = new ReadSlots("stock", 1, Duration.ofMillis(50), registry);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> holder = holdTheOnlySlot(slots, release);
        try {
            assertThatThrownBy(() -> slots.run(() -> "never"))
                    .isInstanceOfSatisfying(StoreUnavailableException.class, e -> {
                        assertThat(e.store()).isEqualTo("stock");
                        assertThat(e.retryAfter()).isPositive();
                    });
            assertThat(registry.get("shopcore.stock.read.refused").counter().count())
                    .isEqualTo(1.0);
            assertThat(registry.find("shopcore.catalog.read.refused").counter()).isNull();
        } finally {
            release.countDown();
        }
        assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("held");
    }

    /** A read on another thread that has taken a slot and keeps it until {@code release}; it then answers "held". */
    private Future<String> holdTheOnlySlot(ReadSlots slots, CountDownLatch release) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        Future<String> holder = threads.submit(() -> slots.run(() -> {
            holding.countDown();
            await(release);
            return "held";
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    /** Until {@code n} reads wait for a slot (the gauge); bounded, so a broken queue fails instead of hanging. */
    private void awaitWaiting(int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (registry.get("shopcore.stock.read.waiting").gauge().value() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never " + n + " waiting");
            }
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void givenAFailingRead_theSlot_isGivenBack() {
        ReadSlots slots = new ReadSlots("catalog", 1, Duration.ZERO, registry);
        assertThatThrownBy(() -> slots.run(() -> {
                    throw new SQLException("boom");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(SQLException.class);
        assertThat(slots.run(() -> "next")).isEqualTo("next");
    }
}
