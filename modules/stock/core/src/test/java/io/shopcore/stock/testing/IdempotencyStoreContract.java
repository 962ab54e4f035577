package io.shopcore.stock.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.stock.application.port.out.IdempotencyStore;
import io.shopcore.stock.application.port.out.IdempotencyStore.Kind;
import io.shopcore.stock.application.port.out.IdempotencyStore.StoredOutcome;
import io.shopcore.stock.domain.ReservationId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdempotencyStore} does, run against the in-memory fake (stock core) and the JDBC
 * adapter (bootstrap). Keys are created in 2001 so that a purge only ever sees this contract's keys.
 */
public abstract class IdempotencyStoreContract {

    public static final Instant ERA = Instant.parse("2001-01-01T00:00:00Z");

    protected abstract IdempotencyStore store();

    /** A key claimed at {@code createdAt} by a reservation transaction that has not answered it yet. */
    protected abstract void claimed(String ownerId, String key, long productId, int quantity, Instant createdAt);

    /** A key claimed at {@code createdAt} and answered with {@code outcome}, as a committed reservation leaves it. */
    protected abstract void answered(String ownerId, String key, StoredOutcome outcome, Instant createdAt);

    protected final String owner = "contract-" + UUID.randomUUID();

    @Test
    public void givenAnsweredKeys_find_returnsEachAnswer() {
        StoredOutcome reserved = new StoredOutcome(7, 2, Kind.RESERVED, ReservationId.newId());
        StoredOutcome refused = new StoredOutcome(7, 900, Kind.INSUFFICIENT_STOCK, null);
        StoredOutcome unknown = new StoredOutcome(8, 1, Kind.PRODUCT_NOT_FOUND, null);
        answered(owner, "a", reserved, ERA);
        answered(owner, "b", refused, ERA);
        answered(owner, "c", unknown, ERA);
        assertThat(store().find(owner, "a")).contains(reserved);
        assertThat(store().find(owner, "b")).contains(refused);
        assertThat(store().find(owner, "c")).contains(unknown);
    }

    @Test
    public void givenKeyOfAnotherOwner_find_isEmpty() {
        answered(owner, "k", new StoredOutcome(7, 2, Kind.INSUFFICIENT_STOCK, null), ERA);
        assertThat(store().find(owner + "-other", "k")).isEmpty();
        assertThat(store().find(owner, "unknown")).isEmpty();
    }

    @Test
    public void givenClaimNotAnsweredYet_find_isEmpty() {
        claimed(owner, "pending", 7, 2, ERA);
        assertThat(store().find(owner, "pending")).isEmpty();
    }

    @Test
    public void givenOldAndNewKeys_purge_forgetsOnlyThoseCreatedBeforeTheCutoff() {
        StoredOutcome outcome = new StoredOutcome(7, 1, Kind.PRODUCT_NOT_FOUND, null);
        answered(owner, "old-1", outcome, ERA);
        claimed(owner, "old-2", 7, 1, ERA.plusSeconds(1));
        answered(owner, "new", outcome, ERA.plus(Duration.ofHours(2)));
        Instant cutoff = ERA.plus(Duration.ofHours(1));

        assertThat(store().purgeCreatedBefore(cutoff, 100)).isEqualTo(2);
        assertThat(store().find(owner, "old-1")).isEmpty();
        assertThat(store().find(owner, "new")).contains(outcome);
        assertThat(store().purgeCreatedBefore(cutoff, 100)).isZero();
    }

    @Test
    public void givenMoreOldKeysThanTheLimit_purge_deletesAtMostTheLimitPerCall() {
        StoredOutcome outcome = new StoredOutcome(7, 1, Kind.PRODUCT_NOT_FOUND, null);
        for (int i = 0; i < 5; i++) {
            answered(owner, "old-" + i, outcome, ERA.plusSeconds(i));
        }
        Instant cutoff = ERA.plus(Duration.ofHours(1));

        assertThat(store().purgeCreatedBefore(cutoff, 2)).isEqualTo(2);
        assertThat(store().purgeCreatedBefore(cutoff, 2)).isEqualTo(2);
        assertThat(store().purgeCreatedBefore(cutoff, 2)).isEqualTo(1);
        assertThat(store().purgeCreatedBefore(cutoff, 2)).isZero();
    }
}
