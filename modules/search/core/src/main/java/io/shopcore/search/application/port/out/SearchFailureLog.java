package io.shopcore.search.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * Records search misses and failures for operators and for the catalog team (what is searched but not
 * sold). {@link #record} never blocks and never fails: records are written later, in batches, and may
 * be dropped (counted) when the buffer is full or the store is down.
 */
public interface SearchFailureLog {

    void record(SearchFailure failure);

    /**
     * @param query  the query text as searched (trimmed)
     * @param path   {@code fast}, {@code slow} or {@code none} (the whole search)
     * @param reason {@code miss}, {@code not_found}, {@code unavailable}, {@code failed} or a source
     *               failure ({@code timeout}, {@code rate_limited}, ...)
     * @param source the source name ({@code shopcore} for the own catalog); null for the whole search
     * @param detail for operators, may be null
     */
    record SearchFailure(String query, String path, String reason, String source, String detail, Instant at) {
        public SearchFailure {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }
}
