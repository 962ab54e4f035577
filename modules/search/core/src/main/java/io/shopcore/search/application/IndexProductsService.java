package io.shopcore.search.application;

import io.shopcore.search.application.port.in.IndexProductsUseCase;
import io.shopcore.search.application.port.out.ProductSearchIndex;
import io.shopcore.search.application.port.out.SearchResultCache;
import io.shopcore.search.domain.IndexedProduct;
import io.shopcore.search.domain.SearchDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Applies one catalog change to the projection, in the catalog's transaction (joined, or a new one). */
@ApplicationScoped
public class IndexProductsService implements IndexProductsUseCase {

    private final ProductSearchIndex index;
    private final SearchResultCache cache;

    public IndexProductsService(ProductSearchIndex index, SearchResultCache cache) {
        this.index = index;
        this.cache = cache;
    }

    @Override
    @Transactional
    public void productChanged(IndexedProduct product) {
        index.save(SearchDocument.of(product));
        cache.invalidate();
    }

    @Override
    @Transactional
    public void productRemoved(long productId) {
        index.remove(productId);
        cache.invalidate();
    }
}
