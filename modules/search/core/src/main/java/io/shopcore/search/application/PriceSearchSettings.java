package io.shopcore.search.application;

import java.time.Duration;
import java.util.Objects;

/**
 * Price search settings, as a plain record for the core (the adapters turn {@code shopcore.search.price.*}
 * into one).
 *
 * @param deadline          the slow path answers with whatever the sources gave within this time from the
 *                          start of the search; later answers are not waited for
 * @param fastPathSize      how many own-catalog matches (by relevance) become offers
 * @param maxOffers         offers answered at most (cheapest first)
 * @param preferredCurrency offers in this currency come first and the best offer is one of them when any is
 * @param retryAfter        the {@code Retry-After} of an answer where every path failed
 */
public record PriceSearchSettings(
        Duration deadline, int fastPathSize, int maxOffers, String preferredCurrency, Duration retryAfter) {

    public PriceSearchSettings {
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive");
        }
        if (fastPathSize < 1 || fastPathSize > 100) {
            throw new IllegalArgumentException("fastPathSize must be 1..100");
        }
        if (maxOffers < 1) {
            throw new IllegalArgumentException("maxOffers must be positive");
        }
        Objects.requireNonNull(preferredCurrency, "preferredCurrency");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }
}
