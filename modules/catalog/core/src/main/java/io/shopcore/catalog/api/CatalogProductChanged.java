package io.shopcore.catalog.api;

/**
 * CDI event fired synchronously inside the catalog's writing transaction whenever a product is
 * created, updated or deleted. Observers (e.g. a search index) run in that transaction, so with
 * {@code @Observes} their writes commit or roll back with the product's.
 *
 * @param product the product after the change; {@code null} when {@link Kind#DELETED}
 */
public record CatalogProductChanged(long productId, Kind kind, CatalogProduct product) {

    public enum Kind {
        CREATED,
        UPDATED,
        DELETED
    }
}
