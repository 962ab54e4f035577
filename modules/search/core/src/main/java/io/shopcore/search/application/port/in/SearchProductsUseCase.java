package io.shopcore.search.application.port.in;

import io.shopcore.search.domain.InvalidSearchQuery;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Full-text product search over the search module's own projection of the catalog (Korean and
 * English, partial words, small typos). Read-only; results may come from a short-lived cache, but
 * {@link Hit#available()} is always read fresh.
 */
public interface SearchProductsUseCase {

    Result search(Query query);

    /** The orders a search can be sorted by; ties are broken by product id, ascending. */
    enum Sort {
        /** Best match first ({@link Hit#score()} descending). */
        RELEVANCE("relevance"),
        /** Cheapest first. */
        PRICE("price"),
        /** Most expensive first. */
        PRICE_DESC("-price");

        private final String wire;

        Sort(String wire) {
            this.wire = wire;
        }

        /** The parameter value: {@code relevance}, {@code price} or {@code -price}. */
        public String wire() {
            return wire;
        }

        public static Optional<Sort> parse(String raw) {
            if (raw == null) {
                return Optional.empty();
            }
            String v = raw.trim().toLowerCase(Locale.ROOT);
            for (Sort s : values()) {
                if (s.wire.equals(v)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A validated search. {@code text} is trimmed (control characters count as spaces) and must
     * keep 1..{@value #MAX_TEXT_LENGTH} characters (code points); every other character, operators
     * and wildcards included, is matched literally. Price bounds are inclusive, 0..{@value #MAX_PRICE}.
     *
     * @throws InvalidSearchQuery naming the offending parameter ({@code q}, {@code categoryId},
     *         {@code minPrice}, {@code maxPrice}, {@code page}, {@code size})
     */
    record Query(
            String text, Long categoryId, BigDecimal minPrice, BigDecimal maxPrice, Sort sort, int page, int size) {

        public static final int MAX_TEXT_LENGTH = 200;
        public static final int MAX_SIZE = 100;
        public static final int DEFAULT_SIZE = 20;
        public static final long MAX_PRICE = 1_000_000_000_000_000L;
        /** Deep pages cost a scan of everything before them; nobody reads beyond this. */
        public static final int MAX_PAGE = 10_000;

        public Query {
            text = cleanText(text);
            if (categoryId != null && categoryId <= 0) {
                throw new InvalidSearchQuery("categoryId", "must be a positive integer");
            }
            checkPrice("minPrice", minPrice);
            checkPrice("maxPrice", maxPrice);
            if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
                throw new InvalidSearchQuery("maxPrice", "must not be less than minPrice");
            }
            sort = sort == null ? Sort.RELEVANCE : sort;
            if (page < 0 || page > MAX_PAGE) {
                throw new InvalidSearchQuery("page", "must be between 0 and " + MAX_PAGE);
            }
            if (size < 1 || size > MAX_SIZE) {
                throw new InvalidSearchQuery("size", "must be between 1 and " + MAX_SIZE);
            }
        }

        /** A first page of {@value #DEFAULT_SIZE} by relevance, without filters. */
        public static Query of(String text) {
            return new Query(text, null, null, null, Sort.RELEVANCE, 0, DEFAULT_SIZE);
        }

        /** The same search with another text (e.g. after a typo correction). */
        public Query withText(String newText) {
            return new Query(newText, categoryId, minPrice, maxPrice, sort, page, size);
        }

        public long offset() {
            return (long) page * size;
        }

        private static String cleanText(String raw) {
            if (raw == null) {
                throw new InvalidSearchQuery("q", "is required");
            }
            StringBuilder b = new StringBuilder(raw.length());
            raw.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
            String text = b.toString().strip();
            int length = text.codePointCount(0, text.length());
            if (length < 1 || length > MAX_TEXT_LENGTH) {
                throw new InvalidSearchQuery("q", "must have 1 to " + MAX_TEXT_LENGTH + " characters");
            }
            return text;
        }

        private static void checkPrice(String field, BigDecimal price) {
            if (price != null && (price.signum() < 0 || price.compareTo(BigDecimal.valueOf(MAX_PRICE)) > 0)) {
                throw new InvalidSearchQuery(field, "must be between 0 and " + MAX_PRICE);
            }
        }
    }

    /**
     * One product found. The product fields are the catalog's as last seen by the projection;
     * {@code available} is read fresh from the stock module for every call.
     */
    record Hit(
            long productId,
            String name,
            String description,
            BigDecimal price,
            String currency,
            long categoryId,
            String categoryName,
            double score,
            int available) {

        public Hit {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(currency, "currency");
        }
    }

    /**
     * A page of hits.
     *
     * @param total          all matches (not only this page)
     * @param correctedQuery the corrected text when the original found nothing and a typo correction
     *                       was applied (the hits are then those of the corrected text); otherwise null
     */
    record Result(List<Hit> hits, int page, int size, long total, String correctedQuery) {

        public Result {
            hits = List.copyOf(hits);
        }
    }
}
