package io.shopcore.search.application.port.out;

import io.shopcore.search.domain.PriceOffer;
import java.util.List;
import java.util.Locale;

/**
 * An external price source (a price feed, a shopping search API). Implementations bound their own
 * time (connect and read timeouts, retries) and guard the source (circuit breaker, {@code Retry-After});
 * the caller may interrupt a call that runs past the search's deadline. Failures are answers, not
 * exceptions: a source being down is expected.
 */
public interface PriceSource {

    /** The configured name: a bounded set, used in metrics and failure records. */
    String name();

    /** The source's offers for the text ({@code Offers} with an empty list when it has none). */
    Answer search(String text);

    sealed interface Answer permits Offers, Failed {}

    record Offers(List<PriceOffer> offers) implements Answer {
        public Offers {
            offers = List.copyOf(offers);
        }
    }

    /** The source could not answer; {@code detail} is for operators (no secrets). */
    record Failed(Failure reason, String detail) implements Answer {}

    /** Why a source gave no answer. */
    enum Failure {
        /** No response within the read or connect timeout (after retries). */
        TIMEOUT,
        /** 5xx (after retries). */
        SERVER_ERROR,
        /** 4xx other than 429: usually configuration (credentials, parameters). */
        CLIENT_ERROR,
        /** 429, or still inside the {@code Retry-After} of an earlier 429: the source is skipped. */
        RATE_LIMITED,
        /** The body was not the documented JSON (HTML, broken JSON, missing fields). */
        MALFORMED,
        /** The source's circuit breaker is open: not called. */
        CIRCUIT_OPEN,
        /** Connection refused or reset, DNS, TLS. */
        IO_ERROR,
        /** Still running when the search's overall deadline passed: its answer was not waited for. */
        DEADLINE,
        /** Anything else (a bug). */
        ERROR;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
