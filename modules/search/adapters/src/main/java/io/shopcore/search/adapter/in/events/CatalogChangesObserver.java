package io.shopcore.search.adapter.in.events;

import io.shopcore.catalog.api.CatalogProduct;
import io.shopcore.catalog.api.CatalogProductChanged;
import io.shopcore.search.application.port.in.IndexProductsUseCase;
import io.shopcore.search.domain.IndexedProduct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Feeds the projection from the catalog's synchronous {@link CatalogProductChanged} events, inside the
 * catalog's writing transaction: the product and its index entry commit (or roll back) together.
 */
@ApplicationScoped
public class CatalogChangesObserver {

    private final IndexProductsUseCase indexing;

    public CatalogChangesObserver(IndexProductsUseCase indexing) {
        this.indexing = indexing;
    }

    void onProductChanged(@Observes CatalogProductChanged event) {
        switch (event.kind()) {
            case CREATED, UPDATED -> {
                if (event.product() == null) {
                    throw new IllegalArgumentException("catalog event " + event.kind() + " without a product");
                }
                CatalogProduct p = event.product();
                indexing.productChanged(new IndexedProduct(
                        p.id(), p.name(), p.description(), p.price(), p.currency(), p.categoryId(), p.categoryName()));
            }
            case DELETED -> indexing.productRemoved(event.productId());
        }
    }
}
