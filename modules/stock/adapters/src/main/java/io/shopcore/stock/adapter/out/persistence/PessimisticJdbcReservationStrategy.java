package io.shopcore.stock.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.shopcore.stock.adapter.config.StockTimeouts;
import io.shopcore.stock.application.BatchAdmission.KeyAnswer;
import io.shopcore.stock.application.BatchAdmission.KeyClaim;
import io.shopcore.stock.application.port.out.ReservationStrategy;
import io.shopcore.stock.domain.LedgerType;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.StockLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The baseline, as the report's service did it: lock the stock row (SELECT ... FOR UPDATE), then
 * insert the reservation, update the stock and insert the ledger entry in separate statements,
 * holding the row lock across all those round trips. Correct, and slow on a hot product. Every
 * statement carries the statement timeout: a lock held elsewhere for longer ends in a rollback and 503.
 */
@ApplicationScoped
@Typed(PessimisticJdbcReservationStrategy.class)
public class PessimisticJdbcReservationStrategy implements ReservationStrategy {

    private final AgroalDataSource ds;
    private final Clock clock;
    private final int timeout;

    public PessimisticJdbcReservationStrategy(AgroalDataSource ds, Clock clock, StockTimeouts timeouts) {
        this.ds = ds;
        this.clock = clock;
        this.timeout = timeouts.statementTimeoutSeconds();
    }

    @Override
    public Outcome reserve(Request req) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                Outcome outcome = reserveIn(c, req);
                c.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                Jdbc.rollbackQuietly(c);
                throw e;
            } finally {
                Jdbc.restoreAutoCommit(c);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reserve (pessimistic)", e);
        }
    }

    private Outcome reserveIn(Connection c, Request req) throws SQLException {
        Instant now = clock.instant();
        KeyClaim claim = req.idempotencyKey() == null
                ? null
                : new KeyClaim(
                        req.ownerId(),
                        req.idempotencyKey(),
                        req.productId(),
                        req.quantity().value());
        if (claim != null
                && IdempotencyClaims.claim(c, List.of(claim), now, timeout).isEmpty()) {
            return new KeyAlreadyClaimed();
        }
        StockLevel level;
        try (PreparedStatement ps = Jdbc.prepare(
                c,
                timeout,
                "SELECT total, reserved FROM stock.stock_level WHERE product_id = ? AND NOT retired FOR UPDATE")) {
            ps.setLong(1, req.productId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return answered(c, claim, new ProductNotFound());
                }
                level = new StockLevel(req.productId(), rs.getInt(1), rs.getInt(2));
            }
        }
        if (!level.canReserve(req.quantity())) {
            return answered(c, claim, new InsufficientStock());
        }
        Reservation r = Reservation.hold(req.id(), req.productId(), req.ownerId(), req.quantity(), now, req.ttl());
        try (PreparedStatement ps = Jdbc.prepare(
                c,
                timeout,
                "INSERT INTO stock.reservation (id, product_id, owner_id, quantity, "
                        + "status, expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'HELD', ?, ?, ?)")) {
            ps.setObject(1, r.id().value());
            ps.setLong(2, r.productId());
            ps.setString(3, r.ownerId());
            ps.setInt(4, r.quantity().value());
            ps.setObject(5, Jdbc.ts(r.expiresAt()));
            ps.setObject(6, Jdbc.ts(r.createdAt()));
            ps.setObject(7, Jdbc.ts(r.createdAt()));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = Jdbc.prepare(
                c,
                timeout,
                "UPDATE stock.stock_level SET reserved = ?, "
                        + "version = version + 1, updated_at = now() WHERE product_id = ?")) {
            ps.setInt(1, level.reserve(req.quantity()).reserved());
            ps.setLong(2, r.productId());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = Jdbc.prepare(
                c,
                timeout,
                "INSERT INTO stock.ledger_entry (product_id, type, quantity, "
                        + "reservation_id, created_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, r.productId());
            ps.setString(2, LedgerType.RESERVE.name());
            ps.setInt(3, r.quantity().value());
            ps.setObject(4, r.id().value());
            ps.setObject(5, Jdbc.ts(r.createdAt()));
            ps.executeUpdate();
        }
        return answered(c, claim, new Reserved(r));
    }

    /** Records the outcome on the claimed key (if any) and returns it. */
    private Decided answered(Connection c, KeyClaim claim, Decided outcome) throws SQLException {
        if (claim != null) {
            IdempotencyClaims.record(c, List.of(new KeyAnswer(claim, outcome)), timeout);
        }
        return outcome;
    }
}
