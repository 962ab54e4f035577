package io.shopcore.search.application;

import io.shopcore.search.application.port.out.PriceCache;
import io.shopcore.search.domain.PriceOffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The price cache in memory; remembers which entries were stored as partial. */
public class InMemoryPriceCache implements PriceCache {

    private final Map<String, List<PriceOffer>> entries = new ConcurrentHashMap<>();
    public final Set<String> partial = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<List<PriceOffer>> get(String normalizedText) {
        return Optional.ofNullable(entries.get(normalizedText));
    }

    @Override
    public void put(String normalizedText, List<PriceOffer> offers, boolean partialAnswer) {
        if (offers.isEmpty()) {
            return;
        }
        entries.put(normalizedText, List.copyOf(offers));
        if (partialAnswer) {
            partial.add(normalizedText);
        } else {
            partial.remove(normalizedText);
        }
    }
}
