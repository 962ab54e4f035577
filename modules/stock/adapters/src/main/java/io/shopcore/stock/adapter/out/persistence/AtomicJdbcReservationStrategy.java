package io.shopcore.stock.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.shopcore.stock.adapter.config.StockTimeouts;
import io.shopcore.stock.application.BatchAdmission.KeyAnswer;
import io.shopcore.stock.application.BatchAdmission.KeyClaim;
import io.shopcore.stock.application.port.out.ReservationStrategy;
import io.shopcore.stock.domain.Reservation;
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
 * One statement per reservation: a conditional UPDATE (WHERE total - reserved >= q) feeding
 * data-modifying CTEs that insert the reservation and its ledger entry, in autocommit. The row lock
 * is held for one statement plus the commit. PostgreSQL re-evaluates the condition after waiting
 * for a concurrent writer, so it never oversells. With an idempotency key, the key is claimed first
 * in the same (then explicit) transaction. The statement carries the statement timeout, so even in
 * autocommit a lock held elsewhere for longer ends in a cancelled (never a late-committing) statement.
 *
 * <p>This is the one writer that does not ask {@code StockLevel.canReserve} (the domain's home of
 * "is there enough stock"): its {@code total - reserved >= q} predicate is the same rule, and it has to
 * live in the SQL, because deciding inside the UPDATE is what lets this strategy skip the separate
 * locking read. Keep the two in step.
 */
@ApplicationScoped
@Typed(AtomicJdbcReservationStrategy.class)
public class AtomicJdbcReservationStrategy implements ReservationStrategy {

    private static final String SQL = """
            WITH u AS (
                UPDATE stock.stock_level SET reserved = reserved + ?, version = version + 1, updated_at = now()
                 WHERE product_id = ? AND NOT retired AND total - reserved >= ?
                RETURNING product_id),
            r AS (
                INSERT INTO stock.reservation (id, product_id, owner_id, quantity, status, expires_at, created_at, updated_at)
                SELECT ?, product_id, ?, ?, 'HELD', ?, ?, ? FROM u),
            l AS (
                INSERT INTO stock.ledger_entry (product_id, type, quantity, reservation_id, created_at)
                SELECT product_id, 'RESERVE', ?, ?, ? FROM u)
            SELECT (SELECT count(*) FROM u) AS done,
                   (SELECT NOT retired FROM stock.stock_level WHERE product_id = ?) AS active
            """;

    private final AgroalDataSource ds;
    private final Clock clock;
    private final int timeout;

    public AtomicJdbcReservationStrategy(AgroalDataSource ds, Clock clock, StockTimeouts timeouts) {
        this.ds = ds;
        this.clock = clock;
        this.timeout = timeouts.statementTimeoutSeconds();
    }

    @Override
    public Outcome reserve(Request req) {
        Instant now = clock.instant();
        Reservation r = Reservation.hold(req.id(), req.productId(), req.ownerId(), req.quantity(), now, req.ttl());
        try (Connection c = ds.getConnection()) {
            if (req.idempotencyKey() == null) {
                return write(c, r);
            }
            c.setAutoCommit(false);
            try {
                var claim = new KeyClaim(
                        req.ownerId(),
                        req.idempotencyKey(),
                        req.productId(),
                        req.quantity().value());
                if (IdempotencyClaims.claim(c, List.of(claim), now, timeout).isEmpty()) {
                    c.rollback();
                    return new KeyAlreadyClaimed();
                }
                Decided outcome = write(c, r);
                IdempotencyClaims.record(c, List.of(new KeyAnswer(claim, outcome)), timeout);
                c.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                Jdbc.rollbackQuietly(c);
                throw e;
            } finally {
                Jdbc.restoreAutoCommit(c);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reserve (atomic)", e);
        }
    }

    private Decided write(Connection c, Reservation r) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, timeout, SQL)) {
            int q = r.quantity().value();
            ps.setInt(1, q);
            ps.setLong(2, r.productId());
            ps.setInt(3, q);
            ps.setObject(4, r.id().value());
            ps.setString(5, r.ownerId());
            ps.setInt(6, q);
            ps.setObject(7, Jdbc.ts(r.expiresAt()));
            ps.setObject(8, Jdbc.ts(r.createdAt()));
            ps.setObject(9, Jdbc.ts(r.createdAt()));
            ps.setInt(10, q);
            ps.setObject(11, r.id().value());
            ps.setObject(12, Jdbc.ts(r.createdAt()));
            ps.setLong(13, r.productId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong("done") == 1) {
                    return new Reserved(r);
                }
                boolean active = rs.getBoolean("active");
                return rs.wasNull() || !active ? new ProductNotFound() : new InsufficientStock();
            }
        }
    }
}
