package io.shopcore.stock.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopcore.infrastructure.store.ReadSlots;
import io.shopcore.stock.adapter.config.StockConfig;
import io.shopcore.stock.application.port.out.StockLevelRepository;
import io.shopcore.stock.domain.StockLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Plain JDBC over the Agroal pool: inside a JTA transaction the connection joins it, outside it
 * autocommits. Reads are primary-key lookups with no Hibernate session, so GET /stock stays cheap.
 *
 * <p>The plain reads of the stock queries ({@link #find}, {@link #exists}) run in one of
 * {@code shopcore.stock.read.max-concurrent} slots, taken first come, first served; a read that finds
 * none within {@code queue-timeout} is refused as unavailable (503 with Retry-After). Without them, 50
 * concurrent reads ran on 50 worker threads competing for 32 connections (the pool's hand-over is not
 * fair) and for two cores, and some waited 100-600 ms; a waiting read is now parked in arrival order
 * instead. The writes (reservations, adjustments, the
 * batch writer) never take a slot: they are bounded by their own executors and queues.
 */
@ApplicationScoped
public class JdbcStockLevelRepository implements StockLevelRepository {

    private static final String FIND =
            "SELECT total, reserved FROM stock.stock_level WHERE product_id = ? AND NOT retired";

    private final AgroalDataSource ds;
    private final ReadSlots slots;

    public JdbcStockLevelRepository(AgroalDataSource ds, MeterRegistry registry, StockConfig config) {
        this.ds = ds;
        this.slots = new ReadSlots(
                Jdbc.STORE, config.read().maxConcurrent(), config.read().queueTimeout(), registry);
    }

    @Override
    public Optional<StockLevel> find(long productId) {
        return slots.run(() -> readLevel(FIND, productId, "read stock level"));
    }

    @Override
    public boolean exists(long productId) {
        return slots.run(() -> {
            try (Connection c = ds.getConnection();
                    PreparedStatement ps = c.prepareStatement("SELECT 1 FROM stock.stock_level WHERE product_id = ?")) {
                ps.setLong(1, productId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            } catch (SQLException e) {
                throw Jdbc.failure("read stock level", e);
            }
        });
    }

    @Override
    public Map<Long, Integer> availableFor(Collection<Long> productIds) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT product_id, total - reserved FROM stock.stock_level WHERE product_id = ANY (?) AND NOT retired")) {
            Array ids = c.createArrayOf("bigint", productIds.toArray(new Long[0]));
            ps.setArray(1, ids);
            Map<Long, Integer> out = new HashMap<>(productIds.size() * 2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getInt(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Jdbc.failure("read availability", e);
        }
    }

    @Override
    public boolean create(StockLevel level) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO stock.stock_level (product_id, total, reserved) VALUES (?, ?, ?) "
                                + "ON CONFLICT (product_id) DO NOTHING")) {
            ps.setLong(1, level.productId());
            ps.setInt(2, level.total());
            ps.setInt(3, level.reserved());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Jdbc.failure("create stock level", e);
        }
    }

    @Override
    public boolean retire(long productId) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE stock.stock_level SET retired = true, version = version + 1, updated_at = now() WHERE product_id = ?")) {
            ps.setLong(1, productId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Jdbc.failure("retire stock level", e);
        }
    }

    @Override
    public Optional<StockLevel> lock(long productId) {
        return readLevel(FIND + " FOR NO KEY UPDATE", productId, "lock stock level");
    }

    @Override
    public void update(StockLevel level) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE stock.stock_level SET total = ?, reserved = ?, version = version + 1, updated_at = now() "
                                + "WHERE product_id = ?")) {
            ps.setInt(1, level.total());
            ps.setInt(2, level.reserved());
            ps.setLong(3, level.productId());
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("stock level " + level.productId() + " vanished");
            }
        } catch (SQLException e) {
            throw Jdbc.failure("update stock level", e);
        }
    }

    @Override
    public void applyDelta(long productId, int totalDelta, int reservedDelta) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE stock.stock_level SET total = total + ?, reserved = reserved + ?, version = version + 1, "
                                + "updated_at = now() WHERE product_id = ?")) {
            ps.setInt(1, totalDelta);
            ps.setInt(2, reservedDelta);
            ps.setLong(3, productId);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("stock level " + productId + " vanished");
            }
        } catch (SQLException e) {
            throw Jdbc.failure("update stock level", e);
        }
    }

    @Override
    public void releaseReserved(Map<Long, Integer> quantityByProduct) {
        if (quantityByProduct.isEmpty()) {
            return;
        }
        Long[] ids = quantityByProduct.keySet().stream().sorted().toArray(Long[]::new);
        Integer[] qs = new Integer[ids.length];
        for (int i = 0; i < ids.length; i++) {
            qs[i] = quantityByProduct.get(ids[i]);
        }
        try (Connection c = ds.getConnection()) {
            // Lock in product order first (as every multi-row writer does), so writers cannot deadlock.
            try (PreparedStatement ps = c.prepareStatement("SELECT product_id FROM stock.stock_level "
                    + "WHERE product_id = ANY (?) ORDER BY product_id FOR NO KEY UPDATE")) {
                ps.setArray(1, c.createArrayOf("bigint", ids));
                ps.executeQuery().close();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE stock.stock_level s SET reserved = s.reserved - d.q, "
                            + "version = s.version + 1, updated_at = now() FROM unnest(?::bigint[], ?::int[]) AS d(pid, q) "
                            + "WHERE s.product_id = d.pid")) {
                ps.setArray(1, c.createArrayOf("bigint", ids));
                ps.setArray(2, c.createArrayOf("integer", qs));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("release reserved stock", e);
        }
    }

    /** One stock level by product id ({@code sql} selects total, reserved), mapped; failures as {@link Jdbc#failure}. */
    private Optional<StockLevel> readLevel(String sql, long productId, String operation) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, productId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new StockLevel(productId, rs.getInt(1), rs.getInt(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure(operation, e);
        }
    }
}
