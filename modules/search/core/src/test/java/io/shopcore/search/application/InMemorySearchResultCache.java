package io.shopcore.search.application;

import io.shopcore.search.application.port.in.SearchProductsUseCase.Query;
import io.shopcore.search.application.port.out.MatchPage;
import io.shopcore.search.application.port.out.SearchResultCache;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The cache in memory, invalidated by generation like the Redis adapter. */
public class InMemorySearchResultCache implements SearchResultCache {

    private final Map<String, MatchPage> pages = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    public final AtomicLong hits = new AtomicLong();

    @Override
    public Lookup lookup(Query query) {
        String key = generation.get() + ":" + query;
        MatchPage cached = pages.get(key);
        if (cached != null) {
            hits.incrementAndGet();
        }
        return new Lookup() {
            @Override
            public Optional<MatchPage> cached() {
                return Optional.ofNullable(cached);
            }

            @Override
            public void fill(MatchPage loaded) {
                pages.put(key, loaded);
            }
        };
    }

    @Override
    public void invalidate() {
        generation.incrementAndGet();
    }
}
