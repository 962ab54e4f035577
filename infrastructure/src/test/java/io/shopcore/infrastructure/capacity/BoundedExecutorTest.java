package io.shopcore.infrastructure.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shopcore.infrastructure.observability.RequestIds;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logmanager.MDC;
import org.junit.jupiter.api.Test;

class BoundedExecutorTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void givenEveryThreadBusyAndTheQueueFull_execute_isRefusedAtOnce_andTheRefusedTaskNeverRuns() throws Exception {
        try (var executor = new BoundedExecutor("t", 1, 1, registry, "t")) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger ran = new AtomicInteger();
            executor.execute(() -> {
                started.countDown();
                await(release);
                ran.incrementAndGet();
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            executor.execute(ran::incrementAndGet); // queued
            assertThat(executor.queued()).isEqualTo(1);

            assertThatThrownBy(() -> executor.execute(() -> ran.addAndGet(100)))
                    .isInstanceOf(RejectedExecutionException.class);
            assertThat(registry.get("t.rejected").counter().count()).isEqualTo(1.0);

            release.countDown();
            executor.shutdown(Duration.ofSeconds(10));
            assertThat(ran.get()).isEqualTo(2);
        }
    }

    @Test
    void theCallersRequestId_isInTheTasksLogContext_andGoneAfterIt() throws Exception {
        try (var executor = new BoundedExecutor("t", 1, 1, registry, "t")) {
            AtomicReference<String> seen = new AtomicReference<>();
            AtomicReference<String> after = new AtomicReference<>("unset");
            CountDownLatch done = new CountDownLatch(2);
            MDC.put(RequestIds.MDC_KEY, "req-42");
            try {
                executor.execute(() -> {
                    seen.set(RequestIds.current());
                    done.countDown();
                });
            } finally {
                MDC.remove(RequestIds.MDC_KEY);
            }
            executor.execute(
                    () -> { // submitted outside any request, on the same single thread
                        after.set(RequestIds.current());
                        done.countDown();
                    });
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(seen.get()).isEqualTo("req-42");
            assertThat(after.get()).isNull();
        }
    }

    @Test
    void givenNonsenseSizes_construction_fails() {
        assertThatThrownBy(() -> new BoundedExecutor("t", 0, 1, registry, "a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoundedExecutor("t", 1, 0, registry, "b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
