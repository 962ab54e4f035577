package io.shopcore.search.application.port.out;

import java.util.List;

/**
 * One page of matches, as the index answers and the cache keeps it (no availability: that is always fresh).
 *
 * @param total          all matches, not only this page
 * @param correctedQuery the corrected text these matches belong to, or null when no correction was applied
 */
public record MatchPage(List<ProductMatch> matches, long total, String correctedQuery) {

    public MatchPage {
        matches = List.copyOf(matches);
    }

    public static MatchPage empty() {
        return new MatchPage(List.of(), 0, null);
    }
}
