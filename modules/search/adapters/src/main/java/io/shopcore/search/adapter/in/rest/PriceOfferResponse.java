package io.shopcore.search.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shopcore.search.domain.PriceOffer;
import java.math.BigDecimal;

/** {@code {source, productId?, name, price, currency, url?}}; {@code productId} is the source's id, as text. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PriceOfferResponse(
        String source, String productId, String name, BigDecimal price, String currency, String url) {

    static PriceOfferResponse from(PriceOffer o) {
        return new PriceOfferResponse(o.source(), o.productId(), o.name(), o.price(), o.currency(), o.url());
    }
}
