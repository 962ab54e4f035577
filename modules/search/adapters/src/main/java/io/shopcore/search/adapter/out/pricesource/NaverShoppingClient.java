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
 * The Naver Shopping search API (Naver Open API, search, shop): {@code GET <base-url>/v1/search/shop.json
 * ?query=&display=&start=1&sort=} with headers {@code X-Naver-Client-Id} and {@code X-Naver-Client-Secret},
 * answering {@code {lastBuildDate, total, start, display, items: [{title, link, image, lprice, hprice,
 * mallName, productId, productType, brand, maker, category1..4}]}}. Titles carry {@code <b>} highlights and
 * HTML entities (stripped here); {@code lprice} is the lowest price in won as a string of digits.
 */
final class NaverShoppingClient implements SourceClient {

    static final int MAX_DISPLAY = 100;

    private final String source;
    private final HttpJson http;
    private final int display;
    private final String sort;
    private final String currency;
    private final Map<String, String> headers;

    NaverShoppingClient(
            String source,
            HttpJson http,
            int display,
            String sort,
            String currency,
            String clientId,
            String clientSecret) {
        this.source = source;
        this.http = http;
        this.display = Math.max(1, Math.min(MAX_DISPLAY, display));
        this.sort = sort;
        this.currency = currency;
        this.headers = Map.of("X-Naver-Client-Id", clientId, "X-Naver-Client-Secret", clientSecret);
    }

    @Override
    public List<PriceOffer> fetch(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", text);
        params.put("display", Integer.toString(display));
        params.put("start", "1");
        params.put("sort", sort);
        return parse(source, http.get(params, headers), currency);
    }

    static List<PriceOffer> parse(String source, JsonNode body, String currency) {
        JsonNode items = body.get("items");
        if (items == null || !items.isArray()) {
            throw new SourceCallException(Failure.MALFORMED, "no \"items\" array");
        }
        List<PriceOffer> out = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isObject()) {
                continue;
            }
            String title = HtmlText.toText(HttpJson.text(item, "title"));
            BigDecimal lowest = HttpJson.decimal(item.get("lprice"));
            try {
                out.add(new PriceOffer(
                        source,
                        HttpJson.text(item, "productId"),
                        title,
                        lowest,
                        currency,
                        HttpJson.text(item, "link")));
            } catch (IllegalArgumentException | NullPointerException invalid) {
                // no title or no price (an empty lprice): skipped
            }
        }
        return out;
    }

    @Override
    public void close() {
        http.close();
    }
}
