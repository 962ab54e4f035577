package io.shopcore.stock.application;

import io.shopcore.stock.application.port.out.ReservationStrategy.Decided;
import io.shopcore.stock.application.port.out.ReservationStrategy.InsufficientStock;
import io.shopcore.stock.application.port.out.ReservationStrategy.KeyAlreadyClaimed;
import io.shopcore.stock.application.port.out.ReservationStrategy.Outcome;
import io.shopcore.stock.application.port.out.ReservationStrategy.ProductNotFound;
import io.shopcore.stock.application.port.out.ReservationStrategy.Request;
import io.shopcore.stock.application.port.out.ReservationStrategy.Reserved;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.StockLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The decisions of one reservation batch, without any I/O: which request claims which idempotency
 * key, which products must be locked, and who gets stock. A writer that owns the transaction drives
 * it in this order:
 * <ol>
 *   <li>{@link #keysToClaim()}: the first use of each (owner, key) in the batch; a later use in the
 *       same batch is answered {@link KeyAlreadyClaimed} at once (its caller replays the first one's
 *       answer once the batch has committed);</li>
 *   <li>{@link #keysWon(Set)}: the claims the store granted; the others were claimed elsewhere first
 *       and are answered {@link KeyAlreadyClaimed} too;</li>
 *   <li>{@link #productsToLock()}: the products of the undecided requests, in ascending id order
 *       (the order every multi-row writer locks in, so writers cannot deadlock);</li>
 *   <li>{@link #admit(Map, Instant)}: with the levels read under those locks, first come first served
 *       while stock lasts ({@link StockLevel#canReserve}); a request that does not fit is refused
 *       alone, an unknown or retired product (absent from the locked levels) is not found;</li>
 *   <li>then write {@link #admitted()} and {@link #keyAnswers()}, commit, and answer each caller with
 *       {@link #outcomes()} (same order as the requests).</li>
 * </ol>
 */
public final class BatchAdmission {

    /** A key the batch wants to claim for its first request with that (owner, key). */
    public record KeyClaim(String ownerId, String key, long productId, int quantity) {
        public KeyClaim {
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(key, "key");
        }
    }

    /** The answer to store on a key this batch claimed. */
    public record KeyAnswer(KeyClaim claim, Decided outcome) {}

    private final List<Request> requests;
    private final Outcome[] outcomes;
    /** The claim request i makes, or null (no key, a duplicate in the batch, or lost elsewhere). */
    private final KeyClaim[] claims;

    private final List<KeyClaim> keysToClaim;
    private final List<Reservation> admitted = new ArrayList<>();
    private final List<KeyAnswer> keyAnswers = new ArrayList<>();
    private boolean decided;

    public BatchAdmission(List<Request> requests) {
        this.requests = List.copyOf(requests);
        int n = this.requests.size();
        this.outcomes = new Outcome[n];
        this.claims = new KeyClaim[n];
        Map<List<String>, KeyClaim> firstUse = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Request r = this.requests.get(i);
            if (r.idempotencyKey() == null) {
                continue;
            }
            KeyClaim claim = new KeyClaim(
                    r.ownerId(), r.idempotencyKey(), r.productId(), r.quantity().value());
            if (firstUse.putIfAbsent(List.of(r.ownerId(), r.idempotencyKey()), claim) == null) {
                claims[i] = claim;
            } else {
                outcomes[i] = new KeyAlreadyClaimed();
            }
        }
        this.keysToClaim = List.copyOf(firstUse.values());
    }

    /** The keys to claim, one per (owner, key), in arrival order. */
    public List<KeyClaim> keysToClaim() {
        return keysToClaim;
    }

    /** Which of {@link #keysToClaim()} this batch's transaction won; the rest were claimed elsewhere first. */
    public void keysWon(Set<KeyClaim> won) {
        for (int i = 0; i < claims.length; i++) {
            if (claims[i] != null && !won.contains(claims[i])) {
                claims[i] = null;
                outcomes[i] = new KeyAlreadyClaimed();
            }
        }
    }

    /** The products whose stock rows must be locked before {@link #admit}, ascending. */
    public SortedSet<Long> productsToLock() {
        SortedSet<Long> ids = new TreeSet<>();
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                ids.add(requests.get(i).productId());
            }
        }
        return ids;
    }

    /**
     * Decides every undecided request in arrival order against {@code lockedLevels} (the active
     * products' levels read under lock; a product absent from it is unknown or retired).
     */
    public void admit(Map<Long, StockLevel> lockedLevels, Instant now) {
        if (decided) {
            throw new IllegalStateException("a batch is admitted once");
        }
        decided = true;
        Map<Long, StockLevel> levels = new HashMap<>(lockedLevels);
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] != null) {
                continue;
            }
            Request req = requests.get(i);
            StockLevel level = levels.get(req.productId());
            Decided outcome;
            if (level == null) {
                outcome = new ProductNotFound();
            } else if (level.canReserve(req.quantity())) {
                levels.put(req.productId(), level.reserve(req.quantity()));
                Reservation r =
                        Reservation.hold(req.id(), req.productId(), req.ownerId(), req.quantity(), now, req.ttl());
                admitted.add(r);
                outcome = new Reserved(r);
            } else {
                outcome = new InsufficientStock();
            }
            outcomes[i] = outcome;
            if (claims[i] != null) {
                keyAnswers.add(new KeyAnswer(claims[i], outcome));
            }
        }
    }

    /** The reservations to write, in arrival order. */
    public List<Reservation> admitted() {
        requireDecided();
        return Collections.unmodifiableList(admitted);
    }

    /** The answers to store on the keys this batch claimed. */
    public List<KeyAnswer> keyAnswers() {
        requireDecided();
        return Collections.unmodifiableList(keyAnswers);
    }

    /** Each request's outcome, in request order. */
    public List<Outcome> outcomes() {
        requireDecided();
        return List.copyOf(Arrays.asList(outcomes));
    }

    private void requireDecided() {
        if (!decided) {
            throw new IllegalStateException("admit the batch first");
        }
    }
}
