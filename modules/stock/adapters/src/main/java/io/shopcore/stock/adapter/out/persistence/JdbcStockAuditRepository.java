package io.shopcore.stock.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.shopcore.stock.application.port.out.StockAuditRepository;
import io.shopcore.stock.domain.StockAudit;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** One statement, hence one snapshot: level, sum of HELD reservations and ledger replay agree in time. */
@ApplicationScoped
public class JdbcStockAuditRepository implements StockAuditRepository {

    private static final String SQL = """
            SELECT s.product_id, s.total, s.reserved,
                   (SELECT coalesce(sum(r.quantity), 0) FROM stock.reservation r
                     WHERE r.product_id = s.product_id AND r.status = 'HELD') AS held,
                   coalesce(l.ledger_total, 0) AS ledger_total, coalesce(l.ledger_reserved, 0) AS ledger_reserved
              FROM stock.stock_level s
              LEFT JOIN (SELECT product_id,
                                sum(CASE type WHEN 'ADJUST' THEN quantity WHEN 'CONFIRM' THEN -quantity ELSE 0 END) AS ledger_total,
                                sum(CASE type WHEN 'RESERVE' THEN quantity WHEN 'ADJUST' THEN 0 ELSE -quantity END) AS ledger_reserved
                           FROM stock.ledger_entry %s GROUP BY product_id) l ON l.product_id = s.product_id
             %s ORDER BY s.product_id
            """;

    private final AgroalDataSource ds;

    public JdbcStockAuditRepository(AgroalDataSource ds) {
        this.ds = ds;
    }

    @Override
    public List<StockAudit.Figures> figures(Long productId) {
        String sql = productId == null
                ? SQL.formatted("", "")
                : SQL.formatted("WHERE product_id = ?", "WHERE s.product_id = ?");
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            if (productId != null) {
                ps.setLong(1, productId);
                ps.setLong(2, productId);
            }
            List<StockAudit.Figures> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StockAudit.Figures(
                            rs.getLong("product_id"),
                            rs.getLong("total"),
                            rs.getLong("reserved"),
                            rs.getLong("held"),
                            rs.getLong("ledger_total"),
                            rs.getLong("ledger_reserved")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Jdbc.failure("audit stock", e);
        }
    }
}
