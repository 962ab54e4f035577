package io.shopcore.stock.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.shopcore.stock.application.Page;
import io.shopcore.stock.application.port.out.LedgerRepository;
import io.shopcore.stock.domain.LedgerEntry;
import io.shopcore.stock.domain.LedgerType;
import io.shopcore.stock.domain.ReservationId;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class JdbcLedgerRepository implements LedgerRepository {

    private final AgroalDataSource ds;

    public JdbcLedgerRepository(AgroalDataSource ds) {
        this.ds = ds;
    }

    @Override
    public void append(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO stock.ledger_entry (product_id, type, quantity, reservation_id, reason, created_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?)")) {
            for (LedgerEntry e : entries) {
                ps.setLong(1, e.productId());
                ps.setString(2, e.type().name());
                ps.setInt(3, e.quantity());
                if (e.reservationId() == null) {
                    ps.setNull(4, Types.OTHER);
                } else {
                    ps.setObject(4, e.reservationId().value());
                }
                ps.setString(5, e.reason());
                ps.setObject(6, Jdbc.ts(e.createdAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw Jdbc.failure("append ledger", e);
        }
    }

    @Override
    public Page<LedgerEntry> page(long productId, long offset, int limit) {
        try (Connection c = ds.getConnection()) {
            long total;
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT count(*) FROM stock.ledger_entry WHERE product_id = ?")) {
                ps.setLong(1, productId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<LedgerEntry> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, product_id, type, quantity, reservation_id, reason, "
                            + "created_at FROM stock.ledger_entry WHERE product_id = ? ORDER BY id DESC OFFSET ? LIMIT ?")) {
                ps.setLong(1, productId);
                ps.setLong(2, offset);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID rid = rs.getObject("reservation_id", UUID.class);
                        items.add(LedgerEntry.reconstitute(
                                rs.getLong("id"),
                                rs.getLong("product_id"),
                                LedgerType.valueOf(rs.getString("type")),
                                rs.getInt("quantity"),
                                rid == null ? null : ReservationId.of(rid),
                                rs.getString("reason"),
                                Jdbc.instant(rs, "created_at")));
                    }
                }
            }
            return new Page<>(items, total);
        } catch (SQLException e) {
            throw Jdbc.failure("read ledger", e);
        }
    }
}
