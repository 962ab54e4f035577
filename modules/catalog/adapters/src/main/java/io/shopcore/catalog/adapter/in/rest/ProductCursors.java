package io.shopcore.catalog.adapter.in.rest;

import io.shopcore.catalog.application.port.in.ProductCursor;
import io.shopcore.catalog.application.port.in.ProductSort;
import io.shopcore.infrastructure.problem.ApiProblemException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The text form of a {@link ProductCursor}: opaque to clients (URL-safe Base64 of
 * {@code v1|<sort>|<id>|<price>|<name>}), so its content may change with a new version prefix. A cursor
 * only works with the sort it was made for; anything else is a 400 on {@code after}.
 */
final class ProductCursors {

    /** Longer than any cursor this service makes (names are at most 200 characters). */
    static final int MAX_LENGTH = 1024;

    private static final String VERSION = "v1";

    private ProductCursors() {}

    static String encode(ProductCursor cursor) {
        if (cursor == null) {
            return null;
        }
        String text = VERSION + "|" + cursor.sort().token() + "|" + cursor.id() + "|"
                + (cursor.price() == null ? "" : cursor.price().toPlainString()) + "|"
                + (cursor.name() == null ? "" : cursor.name());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static ProductCursor decode(String raw, ProductSort sort) {
        if (raw.isEmpty() || raw.length() > MAX_LENGTH) {
            throw invalid(sort);
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
            String[] parts = text.split("\\|", 5);
            if (parts.length != 5 || !parts[0].equals(VERSION) || !parts[1].equals(sort.token())) {
                throw invalid(sort);
            }
            long id = Long.parseLong(parts[2]);
            BigDecimal price = parts[3].isEmpty() ? null : new BigDecimal(parts[3]);
            String name = sort == ProductSort.NAME ? parts[4] : (parts[4].isEmpty() ? null : parts[4]);
            return new ProductCursor(sort, id, price, name);
        } catch (IllegalArgumentException e) { // bad Base64, number, or a cursor the record refuses
            throw invalid(sort);
        }
    }

    private static ApiProblemException invalid(ProductSort sort) {
        return ApiProblemException.validation(
                "after", "must be the next cursor of a listing with sort=" + sort.token() + " (take it unchanged)");
    }
}
