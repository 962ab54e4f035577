package io.shopcore.catalog.application;

import io.shopcore.catalog.api.CatalogProduct;
import io.shopcore.catalog.api.ProductCatalogApi;
import io.shopcore.catalog.application.port.in.ProductView;
import io.shopcore.catalog.application.port.out.ProductReadModel;
import io.shopcore.catalog.domain.ProductId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ProductCatalogApiService implements ProductCatalogApi {

    private final ProductReadModel readModel;

    public ProductCatalogApiService(ProductReadModel readModel) {
        this.readModel = readModel;
    }

    @Override
    public Optional<CatalogProduct> product(long productId) {
        if (productId <= 0) {
            return Optional.empty();
        }
        return readModel.findView(new ProductId(productId)).map(ProductCatalogApiService::toApi);
    }

    @Override
    public List<CatalogProduct> productsAfter(long afterId, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1..1000");
        }
        return readModel.findActiveAfter(Math.max(0, afterId), limit).stream()
                .map(ProductCatalogApiService::toApi)
                .toList();
    }

    static CatalogProduct toApi(ProductView v) {
        return new CatalogProduct(
                v.id(), v.name(), v.description(), v.price(), v.currency(), v.categoryId(), v.categoryName());
    }
}
