package io.shopcore.search.application.port.out;

import io.shopcore.search.domain.PriceOffer;
import java.util.List;
import java.util.Optional;

/**
 * Short-lived cache of price search answers, keyed by the normalized query text. Best effort: when
 * its store is down, every lookup is a miss and every fill is skipped; nothing fails. An answer filled
 * through a lookup made before a catalog change is never served after that change.
 */
public interface PriceCache {

    Lookup lookup(String normalizedText);

    /** The answer of one lookup: the cached offers, or a way to store the offers found after it. */
    interface Lookup {

        /** The offers stored for the text (never an empty list). */
        Optional<List<PriceOffer>> cached();

        /**
         * Stores non-empty offers. {@code partial}: some source failed, so the answer may lack offers a
         * retry would find; such answers live shorter.
         */
        void fill(List<PriceOffer> offers, boolean partial);
    }
}
