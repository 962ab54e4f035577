package io.shopcore.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shopcore.bootstrap.support.Concurrently;
import io.shopcore.stock.adapter.in.scheduler.IdempotencyKeyPurgeJob;
import io.shopcore.stock.application.port.in.PurgeIdempotencyKeysUseCase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Old idempotency keys are purged in bounded batches, safely from several instances at once: four
 * purgers racing over the same keys delete each key exactly once (their counts add up to the number of
 * old keys), no batch is larger than its bound, and no key younger than the retention is touched.
 */
@QuarkusTest
@TestProfile(StockContractProfile.class)
class IdempotencyKeyPurgeTest {

    static final int OLD = 3000;
    static final int YOUNG = 300;
    static final int BATCH = 40;
    static final int PURGERS = 4;

    @Inject
    PurgeIdempotencyKeysUseCase purge;

    @Inject
    IdempotencyKeyPurgeJob job;

    @Inject
    AgroalDataSource ds;

    @Test
    void givenOldAndYoungKeys_fourParallelPurgers_deleteEachOldKeyOnce_andNoYoungOne() throws Exception {
        drainOldKeys();
        String owner = "purge-" + UUID.randomUUID().toString().substring(0, 8);
        // Retention is 24 h: 25 h old keys go, 23 h old keys stay.
        insertKeys(owner, "old-", OLD, "25 hours");
        insertKeys(owner, "young-", YOUNG, "23 hours");

        CyclicBarrier start = new CyclicBarrier(PURGERS);
        List<List<Integer>> batches = Concurrently.run(PURGERS, () -> {
            start.await(30, TimeUnit.SECONDS);
            List<Integer> mine = new ArrayList<>();
            int n;
            do {
                n = purge.purgeBatch(BATCH);
                mine.add(n);
            } while (n > 0);
            return mine;
        });

        int total = batches.stream()
                .flatMap(List::stream)
                .mapToInt(Integer::intValue)
                .sum();
        assertThat(total).as("keys deleted, summed over the purgers").isEqualTo(OLD);
        assertThat(batches.stream().flatMap(List::stream))
                .allSatisfy(n -> assertThat(n).isBetween(0, BATCH));
        assertThat(count(owner, "old-%")).isZero();
        assertThat(count(owner, "young-%")).isEqualTo(YOUNG);
    }

    @Test
    void givenOldKeys_scheduledRun_deletesThemInBatches_andTheNextRunFindsNone() {
        drainOldKeys();
        String owner = "purge-run-" + UUID.randomUUID().toString().substring(0, 8);
        insertKeys(owner, "old-", 120, "25 hours");

        int first = job.runOnce();
        assertThat(first).isEqualTo(120);
        assertThat(job.runOnce()).isZero();
        assertThat(count(owner, "old-%")).isZero();
    }

    /** Keys other tests left behind (some deliberately old) would otherwise count in the totals. */
    private void drainOldKeys() {
        while (purge.purgeBatch(1000) > 0) {
            // until none is left
        }
    }

    private void insertKeys(String owner, String prefix, int n, String age) {
        StockFixtures.update(
                ds,
                "INSERT INTO stock.idempotency_key (owner_id, idem_key, product_id, quantity, outcome, created_at) "
                        + "SELECT ?, ? || g, 1, 1, 404, now() - cast(? AS interval) FROM generate_series(1, ?) g",
                owner,
                prefix,
                age,
                n);
    }

    private long count(String owner, String pattern) {
        return StockFixtures.queryLong(
                ds,
                "SELECT count(*) FROM stock.idempotency_key WHERE owner_id = ? AND idem_key LIKE ?",
                owner,
                pattern);
    }
}
