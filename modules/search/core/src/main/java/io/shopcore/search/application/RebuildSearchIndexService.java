package io.shopcore.search.application;

import io.shopcore.search.application.port.in.RebuildSearchIndexUseCase;
import io.shopcore.search.application.port.out.CatalogFeed;
import io.shopcore.search.application.port.out.ProductSearchIndex;
import io.shopcore.search.application.port.out.SearchResultCache;
import io.shopcore.search.domain.IndexedProduct;
import io.shopcore.search.domain.SearchDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces the projection with the catalog as it is, in one transaction: readers see the old index
 * until the commit, and catalog writes wait for it to finish their index update (so none is lost).
 * Documents are built by the same {@link SearchDocument#of} as the incremental feed, and dictionary
 * counts are recomputed from them, so both paths give the same index.
 */
@ApplicationScoped
public class RebuildSearchIndexService implements RebuildSearchIndexUseCase {

    static final int BATCH = 500;

    private final ProductSearchIndex index;
    private final CatalogFeed catalog;
    private final SearchResultCache cache;

    public RebuildSearchIndexService(ProductSearchIndex index, CatalogFeed catalog, SearchResultCache cache) {
        this.index = index;
        this.catalog = catalog;
        this.cache = cache;
    }

    @Override
    @Transactional
    public Result rebuild() {
        index.startRebuild();
        long after = 0;
        long indexed = 0;
        while (true) {
            List<IndexedProduct> batch = catalog.productsAfter(after, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            List<SearchDocument> documents = new ArrayList<>(batch.size());
            for (IndexedProduct p : batch) {
                documents.add(SearchDocument.of(p));
            }
            index.addAll(documents);
            indexed += batch.size();
            after = batch.get(batch.size() - 1).id();
        }
        index.finishRebuild();
        cache.invalidate();
        return new Result(true, indexed);
    }

    @Override
    @Transactional
    public Result rebuildIfEmpty() {
        long size = index.size();
        if (size > 0 || catalog.productsAfter(0, 1).isEmpty()) {
            return new Result(false, size);
        }
        return rebuild();
    }
}
