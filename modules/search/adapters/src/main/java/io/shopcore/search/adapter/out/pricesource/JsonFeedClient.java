package io.shopcore.search.adapter.out.pricesource;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopcore.search.application.port.out.PriceSource.Failure;
import io.shopcore.search.domain.PriceOffer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generic HTTP JSON price feed: {@code GET <base-url><path>?query=<text>&limit=<n>} answering
 * <pre>{"offers": [{"name": "...", "price": 12900 | "12900.50", "currency": "KRW", "url": "...", "productId": "..."}]}</pre>
 * {@code name} and {@code price} are required per offer ({@code currency} defaults to the source's);
 * offers missing them are skipped. A body without an {@code offers} array is malformed.
 */
final class JsonFeedClient implements SourceClient {

    private final String source;
    private final HttpJson http;
    private final int limit;
    private final String currency;

    JsonFeedClient(String source, HttpJson http, int limit, String currency) {
        this.source = source;
        this.http = http;
        this.limit = limit;
        this.currency = currency;
    }

    @Override
    public List<PriceOffer> fetch(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", text);
        params.put("limit", Integer.toString(limit));
        return parse(source, http.get(params, Map.of()), currency, limit);
    }

    static List<PriceOffer> parse(String source, JsonNode body, String defaultCurrency, int limit) {
        JsonNode offers = body.get("offers");
        if (offers == null || !offers.isArray()) {
            throw new SourceCallException(Failure.MALFORMED, "no \"offers\" array");
        }
        List<PriceOffer> out = new ArrayList<>();
        for (JsonNode o : offers) {
            if (out.size() >= limit) {
                break;
            }
            if (!o.isObject()) {
                continue;
            }
            String name = HtmlText.toText(HttpJson.text(o, "name"));
            BigDecimal price = HttpJson.decimal(o.get("price"));
            String currency = HttpJson.text(o, "currency");
            try {
                out.add(new PriceOffer(
                        source,
                        HttpJson.text(o, "productId"),
                        name,
                        price,
                        currency == null ? defaultCurrency : currency,
                        HttpJson.text(o, "url")));
            } catch (IllegalArgumentException | NullPointerException invalid) {
                // an offer without a name or a usable price: skipped, the others still count
            }
        }
        return out;
    }

    @Override
    public void close() {
        http.close();
    }
}
