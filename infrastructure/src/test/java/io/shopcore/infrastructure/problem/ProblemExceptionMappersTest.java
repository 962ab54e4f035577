package io.shopcore.infrastructure.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.infrastructure.capacity.OverloadedException;
import io.shopcore.infrastructure.store.StoreUnavailableException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one mapping of store outages: 503 unavailable + Retry-After; anything else unexpected stays 500. */
class ProblemExceptionMappersTest {

    private final ProblemExceptionMappers mappers = new ProblemExceptionMappers();

    @Test
    void storeUnavailable_is503WithItsRetryAfter() {
        Response r =
                mappers.storeUnavailable(new StoreUnavailableException("catalog", "down", Duration.ofSeconds(3), null));
        assertUnavailable(r, "3");
    }

    @Test
    void overloaded_is503UnavailableWithItsRetryAfter() {
        assertUnavailable(
                mappers.overloaded(new OverloadedException("password-hashing", "no permit", Duration.ofSeconds(2))),
                "2");
    }

    @Test
    void commitThatFailedOutsideEveryAdapter_is503() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertUnavailable(mappers.unexpected(commit), "1");
        assertUnavailable(
                mappers.unexpected(
                        new IllegalStateException("wrapped", new SQLException("Sorry, acquisition timeout!"))),
                "1");
    }

    @Test
    void otherUnexpectedFailures_are500WithoutInternals() {
        Response r = mappers.unexpected(
                new IllegalStateException("secret detail", new SQLException("duplicate key", "23505")));
        assertThat(r.getStatus()).isEqualTo(500);
        assertThat(r.getHeaderString("Retry-After")).isNull();
        Problem p = (Problem) r.getEntity();
        assertThat(p.code()).isEqualTo("internal_error");
        assertThat(p.detail()).doesNotContain("secret").doesNotContain("duplicate");
    }

    private static void assertUnavailable(Response r, String retryAfter) {
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo(retryAfter);
        assertThat(r.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        Problem p = (Problem) r.getEntity();
        assertThat(p.code()).isEqualTo("unavailable");
        assertThat(p.detail()).doesNotContain("SQL").doesNotContain("Exception");
    }
}
