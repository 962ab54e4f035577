package io.shopcore.stock.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopcore.stock.application.BatchAdmission.KeyAnswer;
import io.shopcore.stock.application.BatchAdmission.KeyClaim;
import io.shopcore.stock.application.port.out.IdempotencyStore;
import io.shopcore.stock.application.port.out.ReservationStrategy.InsufficientStock;
import io.shopcore.stock.application.port.out.ReservationStrategy.KeyAlreadyClaimed;
import io.shopcore.stock.application.port.out.ReservationStrategy.Outcome;
import io.shopcore.stock.application.port.out.ReservationStrategy.ProductNotFound;
import io.shopcore.stock.application.port.out.ReservationStrategy.Request;
import io.shopcore.stock.application.port.out.ReservationStrategy.Reserved;
import io.shopcore.stock.domain.Quantity;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationId;
import io.shopcore.stock.domain.ReservationStatus;
import io.shopcore.stock.domain.StockLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure admission step of a reservation batch: keys, lock set, first come first served. */
class BatchAdmissionTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00.123456Z");
    static final Duration TTL = Duration.ofMinutes(10);

    static Request req(long product, int quantity) {
        return req(product, quantity, "u", null);
    }

    static Request req(long product, int quantity, String owner, String key) {
        return new Request(ReservationId.newId(), product, Quantity.of(quantity), owner, key, TTL);
    }

    static BatchAdmission admitted(List<Request> requests, Map<Long, StockLevel> levels) {
        BatchAdmission batch = new BatchAdmission(requests);
        batch.keysWon(Set.copyOf(batch.keysToClaim()));
        batch.admit(levels, NOW);
        return batch;
    }

    @Test
    void givenExactFit_admit_reservesAllOfIt() {
        Request r = req(1, 5);
        BatchAdmission batch = admitted(List.of(r), Map.of(1L, new StockLevel(1, 8, 3)));
        Reservation held = ((Reserved) batch.outcomes().getFirst()).reservation();
        assertThat(held).isEqualTo(Reservation.hold(r.id(), 1, "u", Quantity.of(5), NOW, TTL));
        assertThat(held.status()).isEqualTo(ReservationStatus.HELD);
        assertThat(batch.admitted()).containsExactly(held);
    }

    @Test
    void givenOneUnitTooFew_admit_refusesIt_andWritesNothing() {
        BatchAdmission batch = admitted(List.of(req(1, 6)), Map.of(1L, new StockLevel(1, 8, 3)));
        assertThat(batch.outcomes()).containsExactly(new InsufficientStock());
        assertThat(batch.admitted()).isEmpty();
    }

    @Test
    void givenRequestsBeyondStock_admit_isFirstComeFirstServed_andALaterSmallerOneStillFits() {
        Request first = req(1, 3);
        Request tooBig = req(1, 3);
        Request small = req(1, 1);
        Request none = req(1, 1);
        BatchAdmission batch = admitted(List.of(first, tooBig, small, none), Map.of(1L, StockLevel.initial(1, 4)));
        List<Outcome> outcomes = batch.outcomes();
        assertThat(outcomes.get(0)).isInstanceOf(Reserved.class);
        assertThat(outcomes.get(1)).isEqualTo(new InsufficientStock());
        assertThat(outcomes.get(2)).isInstanceOf(Reserved.class);
        assertThat(outcomes.get(3)).isEqualTo(new InsufficientStock());
        assertThat(batch.admitted()).extracting(Reservation::id).containsExactly(first.id(), small.id());
    }

    @Test
    void givenMixedProducts_admit_keepsEachProductsStockApart_andLocksInProductOrder() {
        Request a = req(9, 2);
        Request b = req(3, 5);
        Request c = req(9, 1);
        Request d = req(3, 1);
        BatchAdmission batch = new BatchAdmission(List.of(a, b, c, d));
        assertThat(batch.productsToLock()).containsExactly(3L, 9L);
        batch.keysWon(Set.of());
        batch.admit(Map.of(9L, StockLevel.initial(9, 2), 3L, StockLevel.initial(3, 5)), NOW);
        assertThat(batch.outcomes())
                .extracting(o -> o.getClass().getSimpleName())
                .containsExactly("Reserved", "Reserved", "InsufficientStock", "InsufficientStock");
    }

    @Test
    void givenRetiredOrUnknownProduct_admit_isNotFound_andOthersAreUnaffected() {
        Request retired = req(7, 1, "u", "k");
        Request fine = req(1, 1);
        BatchAdmission batch = admitted(List.of(retired, fine), Map.of(1L, StockLevel.initial(1, 1)));
        assertThat(batch.outcomes().get(0)).isEqualTo(new ProductNotFound());
        assertThat(batch.outcomes().get(1)).isInstanceOf(Reserved.class);
        assertThat(batch.keyAnswers())
                .containsExactly(new KeyAnswer(new KeyClaim("u", "k", 7, 1), new ProductNotFound()));
    }

    @Test
    void givenDuplicateKeysInOneBatch_theFirstClaims_laterOnesAreAlreadyClaimed_evenWithAnotherBody() {
        Request first = req(1, 2, "u", "k");
        Request sameAgain = req(1, 2, "u", "k");
        Request otherBody = req(1, 3, "u", "k");
        Request otherOwner = req(1, 2, "v", "k");
        BatchAdmission batch = new BatchAdmission(List.of(first, sameAgain, otherBody, otherOwner));
        assertThat(batch.keysToClaim()).containsExactly(new KeyClaim("u", "k", 1, 2), new KeyClaim("v", "k", 1, 2));
        batch.keysWon(Set.copyOf(batch.keysToClaim()));
        batch.admit(Map.of(1L, StockLevel.initial(1, 10)), NOW);

        List<Outcome> outcomes = batch.outcomes();
        assertThat(outcomes.get(0)).isInstanceOf(Reserved.class);
        assertThat(outcomes.get(1)).isEqualTo(new KeyAlreadyClaimed());
        assertThat(outcomes.get(2)).isEqualTo(new KeyAlreadyClaimed());
        assertThat(outcomes.get(3)).isInstanceOf(Reserved.class);
        assertThat(batch.admitted()).hasSize(2);
        assertThat(batch.keyAnswers()).extracting(a -> a.claim().ownerId()).containsExactly("u", "v");
        assertThat(batch.keyAnswers()).allSatisfy(a -> assertThat(a.outcome()).isInstanceOf(Reserved.class));
    }

    @Test
    void givenKeyClaimedElsewhereFirst_itsRequestIsAlreadyClaimed_andItsProductNeedsNoLock() {
        Request lost = req(5, 1, "u", "k1");
        Request won = req(1, 1, "u", "k2");
        BatchAdmission batch = new BatchAdmission(List.of(lost, won));
        batch.keysWon(Set.of(new KeyClaim("u", "k2", 1, 1)));
        assertThat(batch.productsToLock()).containsExactly(1L);
        batch.admit(Map.of(1L, StockLevel.initial(1, 1)), NOW);
        assertThat(batch.outcomes().get(0)).isEqualTo(new KeyAlreadyClaimed());
        assertThat(batch.keyAnswers()).extracting(a -> a.claim().key()).containsExactly("k2");
    }

    @Test
    void givenRefusedRequestWithKey_itsRefusalIsTheKeysAnswer() {
        BatchAdmission batch = admitted(List.of(req(1, 2, "u", "k")), Map.of(1L, StockLevel.initial(1, 1)));
        assertThat(batch.keyAnswers())
                .containsExactly(new KeyAnswer(new KeyClaim("u", "k", 1, 2), new InsufficientStock()));
        assertThat(batch.keyAnswers().getFirst().outcome().kind()).isEqualTo(IdempotencyStore.Kind.INSUFFICIENT_STOCK);
    }

    @Test
    void givenNoKeys_thereIsNothingToClaim_andEveryProductIsLocked() {
        BatchAdmission batch = new BatchAdmission(List.of(req(2, 1), req(1, 1), req(2, 1)));
        assertThat(batch.keysToClaim()).isEmpty();
        assertThat(batch.productsToLock()).containsExactly(1L, 2L);
    }

    @Test
    void resultsBeforeAdmit_andASecondAdmit_areRefused() {
        BatchAdmission batch = new BatchAdmission(List.of(req(1, 1)));
        assertThatThrownBy(batch::outcomes).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(batch::admitted).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(batch::keyAnswers).isInstanceOf(IllegalStateException.class);
        batch.admit(Map.of(), NOW);
        assertThatThrownBy(() -> batch.admit(Map.of(), NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void admit_doesNotChangeTheCallersLevels() {
        Map<Long, StockLevel> levels = new HashMap<>(Map.of(1L, StockLevel.initial(1, 5)));
        admitted(List.of(req(1, 2)), levels);
        assertThat(levels.get(1L)).isEqualTo(StockLevel.initial(1, 5));
    }
}
