package io.shopcore.stock.adapter.out.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shopcore.infrastructure.store.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batcher alone, without a database: requests are numbers, a batch answers each with "n:size",
 * and latches hold a writer inside a batch so the queue's behaviour can be observed deterministically.
 */
class RequestBatcherTest {

    static final String OVERLOADED = "overloaded";
    static final long WAIT_SECONDS = 10;

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong clock = new AtomicLong();
    /** Counted down when a writer enters a batch; the writer then waits for {@link #release}. */
    CountDownLatch entered = new CountDownLatch(1);

    CountDownLatch release = new CountDownLatch(0);
    RequestBatcher<Integer, String> batcher;

    BatchSettings settings(int maxBatch, Duration maxWait, int capacity, int perPartition) {
        return new BatchSettings(
                "test",
                maxBatch,
                1,
                maxWait,
                Duration.ofSeconds(3),
                capacity,
                perPartition,
                Duration.ofSeconds(WAIT_SECONDS));
    }

    RequestBatcher<Integer, String> start(BatchSettings settings) {
        return start(
                settings,
                requests ->
                        requests.stream().map(r -> r + ":" + requests.size()).toList());
    }

    RequestBatcher<Integer, String> start(BatchSettings settings, Function<List<Integer>, List<String>> answer) {
        batcher = new RequestBatcher<>(
                settings,
                r -> r % 10,
                requests -> {
                    batches.add(List.copyOf(requests));
                    entered.countDown();
                    await(release);
                    return answer.apply(requests);
                },
                () -> OVERLOADED,
                registry,
                "test.batch",
                "test-writer",
                clock::get);
        batcher.start();
        return batcher;
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (batcher != null) {
            batcher.close();
        }
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String answer(CompletionStage<String> stage) {
        return stage.toCompletableFuture()
                .orTimeout(WAIT_SECONDS, TimeUnit.SECONDS)
                .join();
    }

    /** Holds the writer inside a batch of {@code first}; returns that request's future. */
    CompletableFuture<String> occupyWriter(int first) {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
        CompletableFuture<String> f = batcher.submit(first).toCompletableFuture();
        await(entered);
        return f;
    }

    @Test
    void givenIdleWriter_aLoneRequest_isAppliedAtOnce_inABatchOfOne() {
        start(settings(10, Duration.ZERO, 100, 100));
        assertThat(answer(batcher.submit(7))).isEqualTo("7:1");
        assertThat(batches).containsExactly(List.of(7));
    }

    @Test
    void givenBusyWriter_queuedRequests_areAppliedTogether_inArrivalOrder_eachAnsweredWithItsOwn() {
        start(settings(10, Duration.ZERO, 100, 100));
        CompletableFuture<String> first = occupyWriter(1);
        List<CompletableFuture<String>> queued = new ArrayList<>();
        for (int i = 2; i <= 5; i++) {
            queued.add(batcher.submit(i).toCompletableFuture());
        }
        assertThat(batcher.queued()).isEqualTo(4);
        release.countDown();
        assertThat(answer(first)).isEqualTo("1:1");
        assertThat(queued).extracting(RequestBatcherTest::answer).containsExactly("2:4", "3:4", "4:4", "5:4");
        assertThat(batches).containsExactly(List.of(1), List.of(2, 3, 4, 5));
        assertThat(registry.summary("test.batch.size").count()).isEqualTo(2);
        assertThat(registry.summary("test.batch.size").totalAmount()).isEqualTo(5);
        assertThat(registry.timer("test.batch.transaction").count()).isEqualTo(2);
    }

    @Test
    void givenMoreQueuedThanMaxBatchSize_batchesNeverExceedIt() {
        start(settings(3, Duration.ZERO, 100, 100));
        CompletableFuture<String> first = occupyWriter(1);
        List<CompletableFuture<String>> queued = new ArrayList<>();
        for (int i = 2; i <= 8; i++) {
            queued.add(batcher.submit(i).toCompletableFuture());
        }
        release.countDown();
        answer(first);
        queued.forEach(RequestBatcherTest::answer);
        assertThat(batches).containsExactly(List.of(1), List.of(2, 3, 4), List.of(5, 6, 7), List.of(8));
    }

    @Test
    void givenMaxWait_aWriterWaitsForCompany_untilTheBatchIsFull() {
        // A lone request waits (up to an hour here) for company; the second one fills the batch of 2.
        start(settings(2, Duration.ofHours(1), 100, 100));
        CompletableFuture<String> a = batcher.submit(1).toCompletableFuture();
        CompletableFuture<String> b = batcher.submit(2).toCompletableFuture();
        assertThat(answer(a)).isEqualTo("1:2");
        assertThat(answer(b)).isEqualTo("2:2");
        assertThat(batches).containsExactly(List.of(1, 2));
    }

    @Test
    void givenShortMaxWait_aLoneRequest_isAppliedAlone_whenNoCompanyComes() {
        start(settings(5, Duration.ofMillis(20), 100, 100));
        assertThat(answer(batcher.submit(3))).isEqualTo("3:1");
        assertThat(batches).containsExactly(List.of(3));
    }

    @Test
    void givenFullQueue_aFurtherRequest_isOverloadedAtOnce_andTheQueuedOnesStillGetTheirAnswers() {
        start(settings(10, Duration.ZERO, 2, 100));
        CompletableFuture<String> first = occupyWriter(1);
        CompletableFuture<String> q1 = batcher.submit(2).toCompletableFuture();
        CompletableFuture<String> q2 = batcher.submit(3).toCompletableFuture();
        CompletableFuture<String> refused = batcher.submit(4).toCompletableFuture();
        assertThat(refused).isCompletedWithValue(OVERLOADED);
        assertThat(registry.counter("test.batch.overflow").count()).isEqualTo(1);
        release.countDown();
        assertThat(answer(first)).isEqualTo("1:1");
        assertThat(answer(q1)).isEqualTo("2:2");
        assertThat(answer(q2)).isEqualTo("3:2");
    }

    @Test
    void givenOnePartitionAtItsShare_itsNextRequestIsOverloaded_butOtherPartitionsAreNot() {
        start(settings(10, Duration.ZERO, 100, 2));
        CompletableFuture<String> first = occupyWriter(11); // partition 1 (r % 10), in flight
        CompletableFuture<String> second = batcher.submit(21).toCompletableFuture(); // partition 1, queued
        assertThat(batcher.submit(31).toCompletableFuture()).isCompletedWithValue(OVERLOADED);
        CompletableFuture<String> other = batcher.submit(12).toCompletableFuture(); // partition 2
        release.countDown();
        assertThat(answer(first)).isEqualTo("11:1");
        assertThat(answer(second)).isEqualTo("21:2");
        assertThat(answer(other)).isEqualTo("12:2");
        // Answered requests leave their partition: it takes new ones again.
        assertThat(answer(batcher.submit(41))).isEqualTo("41:1");
    }

    @Test
    void givenRequestQueuedLongerThanMaxQueueTime_itIsShed_notApplied() {
        start(settings(10, Duration.ZERO, 100, 100));
        CompletableFuture<String> first = occupyWriter(1);
        CompletableFuture<String> old = batcher.submit(2).toCompletableFuture();
        clock.addAndGet(Duration.ofSeconds(3).toNanos() + 1);
        CompletableFuture<String> fresh = batcher.submit(3).toCompletableFuture();
        release.countDown();
        assertThat(answer(first)).isEqualTo("1:1");
        assertThat(answer(old)).isEqualTo(OVERLOADED);
        assertThat(answer(fresh)).isEqualTo("3:1");
        assertThat(batches).containsExactly(List.of(1), List.of(3));
        assertThat(registry.counter("test.batch.shed").count()).isEqualTo(1);
    }

    @Test
    void givenFailingBatch_everyCallerInIt_getsTheFailure_andTheNextBatchWorks() {
        StoreUnavailableException down = new StoreUnavailableException("test", "down", null);
        start(settings(10, Duration.ZERO, 100, 100), requests -> {
            if (requests.contains(13)) {
                throw down;
            }
            return requests.stream().map(r -> r + ":" + requests.size()).toList();
        });
        CompletableFuture<String> first = occupyWriter(1);
        CompletableFuture<String> a = batcher.submit(13).toCompletableFuture();
        CompletableFuture<String> b = batcher.submit(14).toCompletableFuture();
        release.countDown();
        answer(first);
        assertThatThrownBy(() -> answer(a))
                .isInstanceOf(CompletionException.class)
                .hasCause(down);
        assertThatThrownBy(() -> answer(b))
                .isInstanceOf(CompletionException.class)
                .hasCause(down);
        assertThat(registry.counter("test.batch.failures").count()).isEqualTo(1);
        assertThat(answer(batcher.submit(5))).isEqualTo("5:1");
    }

    @Test
    void givenWrongNumberOfAnswers_theBatchFails_loudly() {
        start(settings(10, Duration.ZERO, 100, 100), requests -> List.of());
        assertThatThrownBy(() -> answer(batcher.submit(1))).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenQueuedRequests_close_letsTheWriterApplyThem_andAnswersEveryCaller() throws Exception {
        start(settings(10, Duration.ZERO, 100, 100));
        CompletableFuture<String> first = occupyWriter(1);
        CompletableFuture<String> q1 = batcher.submit(2).toCompletableFuture();
        CompletableFuture<String> q2 = batcher.submit(3).toCompletableFuture();
        Thread closing = Thread.ofPlatform().start(batcher::close);
        release.countDown();
        closing.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertThat(closing.isAlive()).isFalse();
        assertThat(answer(first)).isEqualTo("1:1");
        assertThat(answer(q1)).isEqualTo("2:2");
        assertThat(answer(q2)).isEqualTo("3:2");
        assertThat(batcher.submit(4).toCompletableFuture()).isCompletedWithValue(OVERLOADED);
    }

    @Test
    void givenWriterStuckPastTheGrace_close_answersTheQueuedCallersOverloaded() {
        batcher = new RequestBatcher<>(
                new BatchSettings("test", 10, 1, Duration.ZERO, Duration.ofSeconds(3), 100, 100, Duration.ZERO),
                r -> r,
                requests -> {
                    batches.add(List.copyOf(requests));
                    entered.countDown();
                    await(release);
                    return requests.stream().map(r -> r + ":" + requests.size()).toList();
                },
                () -> OVERLOADED,
                registry,
                "test.batch",
                "test-writer",
                clock::get);
        batcher.start();
        CompletableFuture<String> first = occupyWriter(1);
        CompletableFuture<String> q1 = batcher.submit(2).toCompletableFuture();
        batcher.close();
        assertThat(q1).isCompletedWithValue(OVERLOADED);
        release.countDown();
        assertThat(answer(first)).isEqualTo("1:1");
        assertThat(batches).containsExactly(List.of(1));
    }

    @Test
    void givenNotStarted_submit_isOverloaded() {
        batcher = new RequestBatcher<>(
                settings(10, Duration.ZERO, 100, 100),
                r -> r,
                requests -> List.of(),
                () -> OVERLOADED,
                registry,
                "test.batch",
                "test-writer",
                clock::get);
        assertThat(batcher.submit(1).toCompletableFuture()).isCompletedWithValue(OVERLOADED);
        assertThat(registry.get("test.batch.queue").gauge().value()).isZero();
    }

    @Test
    void settings_areClampedToWorkableValues() {
        var s = new BatchSettings("x", 0, 0, Duration.ofSeconds(-1), Duration.ZERO, 0, 0, Duration.ZERO);
        assertThat(s.maxBatchSize()).isEqualTo(1);
        assertThat(s.writers()).isEqualTo(1);
        assertThat(s.maxWait()).isEqualTo(Duration.ZERO);
        assertThat(s.maxQueueTime()).isPositive();
        assertThat(s.queueCapacity()).isEqualTo(1);
        assertThat(s.maxQueuedPerPartition()).isEqualTo(1);
    }
}
