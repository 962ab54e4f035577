package io.shopcore.search.application.port.out;

import io.shopcore.search.domain.PriceOffer;
import java.util.List;
import java.util.Optional;

/**
 * Short-lived cache of price search answers, keyed by the normalized query text. Best effort: when
 * its store is down, every lookup is a miss and every store is skipped; nothing fails.
 */
public interface PriceCache {

    /** The offers stored for the text (never an empty list). */
    Optional<List<PriceOffer>> get(String normalizedText);

    /**
     * Stores non-empty offers for the text. {@code partial}: some source failed, so the answer may lack
     * offers a retry would find; such answers live shorter.
     */
    void put(String normalizedText, List<PriceOffer> offers, boolean partial);
}
