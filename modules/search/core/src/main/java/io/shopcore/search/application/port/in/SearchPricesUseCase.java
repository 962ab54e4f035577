package io.shopcore.search.application.port.in;

import io.shopcore.search.domain.InvalidSearchQuery;
import io.shopcore.search.domain.PriceOffer;
import io.shopcore.search.domain.TextAnalysis;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Price search: the offers for a product text, from the first path that finds any: the price cache,
 * the own catalog (fast path, through product search) or the external price sources (slow path,
 * queried in parallel under one deadline). Every miss and failure is recorded off the request path.
 */
public interface SearchPricesUseCase {

    Result search(Query query);

    /**
     * A validated price search: {@code text} trimmed (control characters count as spaces), 1..{@value
     * #MAX_TEXT_LENGTH} characters (code points).
     *
     * @throws InvalidSearchQuery naming {@code query}
     */
    record Query(String text) {

        public static final int MAX_TEXT_LENGTH = 200;

        public Query {
            if (text == null) {
                throw new InvalidSearchQuery("query", "is required");
            }
            StringBuilder b = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
            text = b.toString().strip();
            int length = text.codePointCount(0, text.length());
            if (length < 1 || length > MAX_TEXT_LENGTH) {
                throw new InvalidSearchQuery("query", "must have 1 to " + MAX_TEXT_LENGTH + " characters");
            }
        }

        /** The cache's view of the text: NFKC, lower case, runs of white space as one space. */
        public String normalized() {
            return TextAnalysis.normalize(text).replaceAll("\\s+", " ");
        }
    }

    /** Which path answered. */
    enum Path {
        CACHE,
        FAST,
        SLOW;

        /** {@code cache}, {@code fast} or {@code slow}. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    sealed interface Result permits Found, NotFound, Unavailable {
        long tookMs();
    }

    /**
     * Offers were found.
     *
     * @param best   the first of {@code offers}: the cheapest in the preferred currency
     * @param offers cheapest first ({@link PriceOffer#cheapestFirst})
     */
    record Found(String query, PriceOffer best, List<PriceOffer> offers, Path path, long tookMs) implements Result {
        public Found {
            offers = List.copyOf(offers);
            Objects.requireNonNull(best, "best");
            Objects.requireNonNull(path, "path");
        }
    }

    /** Every path that answered found nothing. */
    record NotFound(String query, long tookMs) implements Result {}

    /** Every path failed: the own catalog's store is unavailable and no source answered. */
    record Unavailable(String query, Duration retryAfter, long tookMs) implements Result {}
}
