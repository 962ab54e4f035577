package io.shopcore.stock.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.shopcore.stock.application.port.out.IdempotencyStore;
import io.shopcore.stock.domain.ReservationId;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JdbcIdempotencyStore implements IdempotencyStore {

    private final AgroalDataSource ds;

    public JdbcIdempotencyStore(AgroalDataSource ds) {
        this.ds = ds;
    }

    @Override
    public Optional<StoredOutcome> find(String ownerId, String key) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT product_id, quantity, outcome, reservation_id FROM stock.idempotency_key "
                                + "WHERE owner_id = ? AND idem_key = ?")) {
            ps.setString(1, ownerId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Kind kind = IdempotencyClaims.kind(rs.getInt("outcome"));
                if (kind == null) {
                    return Optional.empty();
                }
                UUID rid = rs.getObject("reservation_id", UUID.class);
                return Optional.of(new StoredOutcome(
                        rs.getLong("product_id"),
                        rs.getInt("quantity"),
                        kind,
                        rid == null ? null : ReservationId.of(rid)));
            }
        } catch (SQLException e) {
            throw Jdbc.failure("read idempotency key", e);
        }
    }

    @Override
    public int purgeCreatedBefore(Instant cutoff, int limit) {
        // One bounded batch (idempotency_key_created_idx finds the oldest): SKIP LOCKED lets several instances
        // purge at once without waiting for or deleting each other's rows, nor a key a reservation is claiming.
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        DELETE FROM stock.idempotency_key WHERE (owner_id, idem_key) IN (
                            SELECT owner_id, idem_key FROM stock.idempotency_key
                            WHERE created_at < ? LIMIT ? FOR UPDATE SKIP LOCKED)""")) {
            ps.setObject(1, Jdbc.ts(cutoff));
            ps.setInt(2, limit);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("purge idempotency keys", e);
        }
    }
}
