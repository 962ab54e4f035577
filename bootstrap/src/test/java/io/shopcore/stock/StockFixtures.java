package io.shopcore.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.shopcore.stock.application.port.in.AuditStockUseCase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Product ids for stock tests (far above what the catalog's sequence hands out) and SQL helpers. */
final class StockFixtures {

    private static final AtomicLong NEXT_PRODUCT =
            new AtomicLong(7_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 1_000);

    private StockFixtures() {}

    static long newProductId() {
        return NEXT_PRODUCT.incrementAndGet();
    }

    static void assertConsistent(AuditStockUseCase audit, long productId) {
        AuditStockUseCase.Report report = audit.audit(productId);
        assertThat(report.productsChecked()).isEqualTo(1);
        assertThat(report.violations()).as("invariant violations").isEmpty();
    }

    static long queryLong(AgroalDataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String queryString(AgroalDataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int update(AgroalDataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves a reservation's expiry to {@code millisFromNow} (negative: already overdue). */
    static void setExpiry(AgroalDataSource ds, UUID reservationId, long millisFromNow) {
        // created_at moves back as well where needed, as if the reservation had been made earlier.
        update(
                ds,
                "UPDATE stock.reservation SET expires_at = now() + (? * interval '1 millisecond'), "
                        + "created_at = least(created_at, now() + (? * interval '1 millisecond') - interval '10 minutes') WHERE id = ?",
                millisFromNow,
                millisFromNow,
                reservationId);
    }

    static long reserved(AgroalDataSource ds, long productId) {
        return queryLong(ds, "SELECT reserved FROM stock.stock_level WHERE product_id = ?", productId);
    }

    static long total(AgroalDataSource ds, long productId) {
        return queryLong(ds, "SELECT total FROM stock.stock_level WHERE product_id = ?", productId);
    }
}
