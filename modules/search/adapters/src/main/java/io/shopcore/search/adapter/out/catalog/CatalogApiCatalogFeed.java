package io.shopcore.search.adapter.out.catalog;

import io.shopcore.catalog.api.CatalogProduct;
import io.shopcore.catalog.api.ProductCatalogApi;
import io.shopcore.search.application.port.out.CatalogFeed;
import io.shopcore.search.domain.IndexedProduct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The catalog walked through its published api (the search module never reads catalog tables). */
@ApplicationScoped
public class CatalogApiCatalogFeed implements CatalogFeed {

    private final ProductCatalogApi catalog;

    public CatalogApiCatalogFeed(ProductCatalogApi catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<IndexedProduct> productsAfter(long afterId, int limit) {
        return catalog.productsAfter(afterId, limit).stream()
                .map(CatalogApiCatalogFeed::toIndexed)
                .toList();
    }

    public static IndexedProduct toIndexed(CatalogProduct p) {
        return new IndexedProduct(
                p.id(), p.name(), p.description(), p.price(), p.currency(), p.categoryId(), p.categoryName());
    }
}
