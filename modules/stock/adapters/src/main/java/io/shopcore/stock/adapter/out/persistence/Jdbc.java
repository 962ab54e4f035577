package io.shopcore.stock.adapter.out.persistence;

import io.shopcore.infrastructure.problem.ApiProblemException;
import io.shopcore.infrastructure.problem.ProblemCode;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationId;
import io.shopcore.stock.domain.ReservationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Small JDBC helpers shared by the stock adapters. */
final class Jdbc {

    private static final Logger LOG = Logger.getLogger(Jdbc.class);
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private Jdbc() {}

    /** After an explicit transaction; a failure here must not turn a committed transaction into an error. */
    static void restoreAutoCommit(java.sql.Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debug("stock: could not restore autocommit", e);
        }
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static final String RESERVATION_COLUMNS = "id, product_id, owner_id, quantity, status, expires_at, created_at";

    static Reservation reservation(ResultSet rs) throws SQLException {
        return Reservation.reconstitute(ReservationId.of(rs.getObject("id", UUID.class)), rs.getLong("product_id"),
                rs.getString("owner_id"), rs.getInt("quantity"), ReservationStatus.valueOf(rs.getString("status")),
                instant(rs, "expires_at"), instant(rs, "created_at"));
    }

    /**
     * A database failure as the caller should see it: an unreachable or exhausted database is a
     * 503 with Retry-After (nothing was written, the transaction rolled back); anything else is a bug.
     */
    static RuntimeException failure(String what, SQLException e) {
        String state = e.getSQLState();
        if (state == null || state.startsWith("08") || state.startsWith("57") || state.startsWith("53")
                || state.equals("40001") || state.equals("40P01")) {
            LOG.warnf("stock: %s failed, answering 503: %s (%s)", what, e.getMessage(), state);
            return new ApiProblemException(ProblemCode.UNAVAILABLE, "The stock store is unavailable; try again",
                    RETRY_AFTER);
        }
        return new IllegalStateException("stock: " + what + " failed: " + e.getMessage() + " (" + state + ")", e);
    }
}
