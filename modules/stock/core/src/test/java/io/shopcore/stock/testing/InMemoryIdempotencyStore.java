package io.shopcore.stock.testing;

import io.shopcore.stock.application.port.out.IdempotencyStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keys in a map. A key is first claimed (its answer unknown, invisible to {@link #find}) and then
 * answered, as the strategies do inside their transaction.
 */
public class InMemoryIdempotencyStore implements IdempotencyStore {

    private record Entry(long productId, int quantity, StoredOutcome outcome, Instant createdAt) {}

    private final Map<String, Entry> keys = new HashMap<>();

    /** Claims the key; false if it was claimed before (then nothing changed). */
    public synchronized boolean claim(String ownerId, String key, long productId, int quantity, Instant at) {
        return keys.putIfAbsent(id(ownerId, key), new Entry(productId, quantity, null, at)) == null;
    }

    /** Records the answer of a key this caller claimed. */
    public synchronized void answer(String ownerId, String key, StoredOutcome outcome) {
        Entry e = keys.get(id(ownerId, key));
        if (e == null) {
            throw new IllegalStateException("answer to an unclaimed key");
        }
        keys.put(id(ownerId, key), new Entry(e.productId(), e.quantity(), outcome, e.createdAt()));
    }

    @Override
    public synchronized Optional<StoredOutcome> find(String ownerId, String key) {
        Entry e = keys.get(id(ownerId, key));
        return e == null ? Optional.empty() : Optional.ofNullable(e.outcome());
    }

    @Override
    public synchronized int purgeCreatedBefore(Instant cutoff, int limit) {
        int deleted = 0;
        for (var it = keys.values().iterator(); it.hasNext() && deleted < limit; ) {
            if (it.next().createdAt().isBefore(cutoff)) {
                it.remove();
                deleted++;
            }
        }
        return deleted;
    }

    private static String id(String ownerId, String key) {
        return ownerId + '\u0000' + key;
    }
}
