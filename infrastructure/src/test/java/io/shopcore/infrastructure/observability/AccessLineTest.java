package io.shopcore.infrastructure.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessLineTest {

    @Test
    void namesEveryFieldWithTheDurationInMillisecondsToOneDecimal() {
        assertThat(RequestObservability.line(
                        "POST", "/api/v1/stock/{productId}/reservations", 201, 3_270_000L, "abc-1"))
                .isEqualTo("method=POST route=/api/v1/stock/{productId}/reservations status=201 durationMs=3.2"
                        + " requestId=abc-1");
    }

    @Test
    void keepsSubMillisecondAndLongDurationsReadable() {
        assertThat(RequestObservability.line("GET", "NOT_FOUND", 404, 99_999L, "r"))
                .contains("durationMs=0.0 ");
        assertThat(RequestObservability.line("GET", "/q/health", 200, 12_345_678_901L, "r"))
                .contains("durationMs=12345.6 ");
    }
}
