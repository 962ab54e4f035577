package io.shopcore.search.application;

import io.shopcore.search.application.port.out.PriceCache;
import io.shopcore.search.domain.PriceOffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The price cache in memory, retired by generation like the Redis adapter; remembers partial entries. */
public class InMemoryPriceCache implements PriceCache {

    private final Map<String, List<PriceOffer>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    public final Set<String> partial = ConcurrentHashMap.newKeySet();

    @Override
    public Lookup lookup(String normalizedText) {
        String key = generation.get() + ":" + normalizedText;
        List<PriceOffer> cached = entries.get(key);
        return new Lookup() {
            @Override
            public Optional<List<PriceOffer>> cached() {
                return Optional.ofNullable(cached);
            }

            @Override
            public void fill(List<PriceOffer> offers, boolean partialAnswer) {
                if (offers.isEmpty()) {
                    return;
                }
                entries.put(key, List.copyOf(offers));
                if (partialAnswer) {
                    partial.add(normalizedText);
                } else {
                    partial.remove(normalizedText);
                }
            }
        };
    }

    /** A catalog change: every earlier answer is retired. */
    public void invalidate() {
        generation.incrementAndGet();
    }

    /** What a lookup of the text would find now. */
    public Optional<List<PriceOffer>> get(String normalizedText) {
        return lookup(normalizedText).cached();
    }
}
