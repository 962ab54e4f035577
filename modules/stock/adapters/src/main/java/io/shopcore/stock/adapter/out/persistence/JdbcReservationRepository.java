package io.shopcore.stock.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.shopcore.stock.application.Page;
import io.shopcore.stock.application.port.out.ReservationRepository;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationId;
import io.shopcore.stock.domain.ReservationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JdbcReservationRepository implements ReservationRepository {

    private final AgroalDataSource ds;

    public JdbcReservationRepository(AgroalDataSource ds) {
        this.ds = ds;
    }

    @Override
    public Optional<Reservation> find(ReservationId id) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT " + Jdbc.RESERVATION_COLUMNS + " FROM stock.reservation WHERE id = ?")) {
            ps.setObject(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Jdbc.reservation(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("read reservation", e);
        }
    }

    @Override
    public boolean endHoldIfUnexpired(ReservationId id, ReservationStatus next, Instant now) {
        return changeHeld(id, next, now, true, "end reservation hold");
    }

    @Override
    public boolean expireIfHeld(ReservationId id, Instant now) {
        return changeHeld(id, ReservationStatus.EXPIRED, now, false, "expire reservation");
    }

    private boolean changeHeld(
            ReservationId id, ReservationStatus next, Instant now, boolean onlyIfUnexpired, String what) {
        // PostgreSQL re-checks the WHERE clause after waiting for a concurrent writer of the row, so
        // of two racing changes exactly one sees status = 'HELD'.
        String sql = "UPDATE stock.reservation SET status = ?, updated_at = ? WHERE id = ? AND status = 'HELD'"
                + (onlyIfUnexpired ? " AND expires_at > ?" : "");
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, next.name());
            ps.setObject(2, Jdbc.ts(now));
            ps.setObject(3, id.value());
            if (onlyIfUnexpired) {
                ps.setObject(4, Jdbc.ts(now));
            }
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Jdbc.failure(what, e);
        }
    }

    @Override
    public List<Reservation> expireDue(Instant now, int limit) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "WITH due AS (SELECT id FROM stock.reservation WHERE status = 'HELD' AND expires_at <= ? "
                                + "ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED) "
                                + "UPDATE stock.reservation r SET status = 'EXPIRED', updated_at = ? FROM due "
                                + "WHERE r.id = due.id AND r.status = 'HELD' RETURNING r.id, r.product_id, r.owner_id, "
                                + "r.quantity, r.status, r.expires_at, r.created_at")) {
            ps.setObject(1, Jdbc.ts(now));
            ps.setInt(2, limit);
            ps.setObject(3, Jdbc.ts(now));
            List<Reservation> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Jdbc.reservation(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Jdbc.failure("expire reservations", e);
        }
    }

    /** Reads the partial index on HELD expiries (reservation_held_expiry_idx): only the overdue rows. */
    @Override
    public long countOverdue(Instant now) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM stock.reservation WHERE status = 'HELD' AND expires_at <= ?")) {
            ps.setObject(1, Jdbc.ts(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("count overdue reservations", e);
        }
    }

    @Override
    public Page<Reservation> list(String ownerId, ReservationStatus status, Instant now, long offset, int limit) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (ownerId != null) {
            where.append(" AND owner_id = ?");
            params.add(ownerId);
        }
        if (status != null) {
            switch (status) {
                case HELD -> {
                    where.append(" AND status = 'HELD' AND expires_at > ?");
                    params.add(Jdbc.ts(now));
                }
                case EXPIRED -> {
                    where.append(" AND (status = 'EXPIRED' OR (status = 'HELD' AND expires_at <= ?))");
                    params.add(Jdbc.ts(now));
                }
                default -> {
                    where.append(" AND status = ?");
                    params.add(status.name());
                }
            }
        }
        try (Connection c = ds.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM stock.reservation" + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Reservation> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + Jdbc.RESERVATION_COLUMNS
                    + " FROM stock.reservation" + where + " ORDER BY created_at DESC, id OFFSET ? LIMIT ?")) {
                int i = bind(ps, params);
                ps.setLong(i++, offset);
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(Jdbc.reservation(rs));
                    }
                }
            }
            return new Page<>(items, total);
        } catch (SQLException e) {
            throw Jdbc.failure("list reservations", e);
        }
    }

    private static int bind(PreparedStatement ps, List<Object> params) throws SQLException {
        int i = 1;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }
}
