package io.shopcore.search.adapter.in.rest;

import io.shopcore.search.application.port.in.SearchPricesUseCase.Found;
import java.util.List;

/** {@code {query, best, offers, path, tookMs}}: the cheapest offer, all offers cheapest first, and the path that answered. */
public record PriceSearchResponse(
        String query, PriceOfferResponse best, List<PriceOfferResponse> offers, String path, long tookMs) {

    static PriceSearchResponse from(Found f) {
        return new PriceSearchResponse(
                f.query(),
                PriceOfferResponse.from(f.best()),
                f.offers().stream().map(PriceOfferResponse::from).toList(),
                f.path().wire(),
                f.tookMs());
    }
}
