package io.shopcore.stock.adapter.out.persistence;

import io.shopcore.infrastructure.store.StoreUnavailableException;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationId;
import io.shopcore.stock.domain.ReservationStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Small JDBC helpers shared by the stock adapters. */
final class Jdbc {

    private static final Logger LOG = Logger.getLogger(Jdbc.class);

    /** The store name in {@link StoreUnavailableException}s of this module. */
    static final String STORE = "stock";

    private Jdbc() {}

    /** After an explicit transaction; a failure here must not turn a committed transaction into an error. */
    static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debug("stock: could not restore autocommit", e);
        }
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("stock: rollback failed", e);
        }
    }

    /**
     * A statement PostgreSQL cancels after {@code timeoutSeconds} (lock waits included): the caller then
     * gets SQLState 57014 (a {@link StoreUnavailableException}) after the server rolled back, never an
     * unknown outcome (see {@code StockTimeouts}).
     */
    static PreparedStatement prepare(Connection c, int timeoutSeconds, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setQueryTimeout(timeoutSeconds);
        return ps;
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
        return Reservation.reconstitute(
                ReservationId.of(rs.getObject("id", UUID.class)),
                rs.getLong("product_id"),
                rs.getString("owner_id"),
                rs.getInt("quantity"),
                ReservationStatus.valueOf(rs.getString("status")),
                instant(rs, "expires_at"),
                instant(rs, "created_at"));
    }

    /**
     * A database failure as the caller should see it: an unreachable or exhausted database, a timeout
     * or a serialization/deadlock abort is {@link StoreUnavailableException} (nothing was written, the
     * transaction rolled back; the inbound side answers 503 with Retry-After); anything else is a bug.
     */
    static RuntimeException failure(String what, SQLException e) {
        String state = e.getSQLState();
        if (isUnavailable(state)) {
            LOG.warnf("stock: %s failed, the store is unavailable: %s (%s)", what, e.getMessage(), state);
            return new StoreUnavailableException(STORE, what + " failed (" + state + ")", e);
        }
        return new IllegalStateException("stock: " + what + " failed: " + e.getMessage() + " (" + state + ")", e);
    }

    /** Connection (08), operator intervention (57), resources (53), serialization (40001), deadlock (40P01). */
    static boolean isUnavailable(String sqlState) {
        return sqlState == null
                || sqlState.startsWith("08")
                || sqlState.startsWith("57")
                || sqlState.startsWith("53")
                || sqlState.equals("40001")
                || sqlState.equals("40P01");
    }
}
