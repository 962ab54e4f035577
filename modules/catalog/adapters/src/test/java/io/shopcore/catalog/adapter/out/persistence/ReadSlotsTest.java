package io.shopcore.catalog.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shopcore.infrastructure.store.StoreUnavailableException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read path's bound on concurrent statements, ordered with latches. */
class ReadSlotsTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void givenAllSlotsBusy_aRead_waitsAndRunsWhenOneIsFree_neverMoreAtOnce() throws Exception {
        ReadSlots slots = new ReadSlots(2, Duration.ofSeconds(30), registry);
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
        ReadSlots slots = new ReadSlots(1, Duration.ZERO, registry);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> holder = threads.submit(() -> slots.run(() -> {
            holding.countDown();
            await(release);
            return "held";
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> slots.run(() -> "never")).isInstanceOf(StoreUnavailableException.class);
        assertThat(registry.get("shopcore.catalog.read.refused").counter().count())
                .isEqualTo(1.0);

        release.countDown();
        assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("held");
        assertThat(slots.run(() -> "free again")).isEqualTo("free again");
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
        ReadSlots slots = new ReadSlots(1, Duration.ZERO, registry);
        assertThatThrownBy(() -> slots.run(() -> {
                    throw new SQLException("boom");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(SQLException.class);
        assertThat(slots.run(() -> "next")).isEqualTo("next");
    }
}
