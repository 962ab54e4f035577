package io.shopcore.catalog.adapter.out.persistence;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductPage;
import io.shopcore.catalog.application.port.in.ProductView;
import io.shopcore.catalog.application.port.out.ProductReadModel;
import io.shopcore.catalog.domain.Money;
import io.shopcore.catalog.domain.ProductId;
import io.shopcore.infrastructure.store.TranslateStoreFailures;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The lean read side: plain pooled JDBC, no Hibernate session and no JTA transaction (together they
 * halve the throughput of a read, docs/performance.md). A page is exactly two statements (the rows,
 * joined with their category, and the count) whatever its size. SQL is fixed text; the sort order
 * comes from an enum, never from user input.
 */
@ApplicationScoped
@TranslateStoreFailures("catalog")
public class JdbcProductReadModel implements ProductReadModel {

    private static final String COLUMNS =
            "select p.id, p.name, p.description, p.price, p.currency, p.category_id, c.name,"
                    + " p.created_at, p.updated_at from catalog.products p join catalog.categories c on c.id = p.category_id"
                    + " where p.deleted_at is null";

    private final DataSource dataSource;
    private final AtomicLong statements = new AtomicLong();

    public JdbcProductReadModel(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        FunctionCounter.builder("shopcore.catalog.read.statements", statements, AtomicLong::get)
                .description("SQL statements run by the catalog's read path (cache misses only)")
                .register(registry);
    }

    @Override
    public ProductPage findPage(ProductListQuery query) {
        boolean byCategory = query.categoryId() != null;
        String rowsSql = COLUMNS + (byCategory ? " and p.category_id = ?" : "") + " order by " + orderBy(query)
                + " limit ? offset ?";
        String countSql = "select count(*) from catalog.products p where p.deleted_at is null"
                + (byCategory ? " and p.category_id = ?" : "");
        try (Connection c = dataSource.getConnection()) {
            List<ProductView> items = new ArrayList<>(query.size());
            try (PreparedStatement ps = c.prepareStatement(rowsSql)) {
                int i = 1;
                if (byCategory) {
                    ps.setLong(i++, query.categoryId().value());
                }
                ps.setInt(i++, query.size());
                ps.setLong(i, query.offset());
                statements.incrementAndGet();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(view(rs));
                    }
                }
            }
            long total;
            if (query.page() == 0 && items.size() < query.size()) {
                total = items.size(); // the whole result fits on the first page: no count needed
            } else {
                try (PreparedStatement ps = c.prepareStatement(countSql)) {
                    if (byCategory) {
                        ps.setLong(1, query.categoryId().value());
                    }
                    statements.incrementAndGet();
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total = rs.getLong(1);
                    }
                }
            }
            return new ProductPage(items, total);
        } catch (SQLException e) {
            throw new IllegalStateException("catalog product page query failed", e);
        }
    }

    @Override
    public Optional<ProductView> findView(ProductId id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(COLUMNS + " and p.id = ?")) {
            ps.setLong(1, id.value());
            statements.incrementAndGet();
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("catalog product query failed", e);
        }
    }

    @Override
    public List<ProductView> findActiveAfter(long afterId, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(COLUMNS + " and p.id > ? order by p.id limit ?")) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            statements.incrementAndGet();
            List<ProductView> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(view(rs));
                }
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("catalog product scan failed", e);
        }
    }

    /** Statements run so far (the N+1 guard in the tests reads this). */
    public long statementsExecuted() {
        return statements.get();
    }

    private static String orderBy(ProductListQuery query) {
        return switch (query.sort()) {
            case ID -> "p.id";
            case PRICE -> "p.price, p.id";
            case PRICE_DESC -> "p.price desc, p.id";
            case NAME -> "p.name, p.id";
        };
    }

    private static ProductView view(ResultSet rs) throws SQLException {
        String currency = rs.getString(5).trim();
        // Stored as numeric(19,4); shown at the currency's own scale (validated on write, so exact).
        Money price = new Money(rs.getBigDecimal(4), currency);
        return new ProductView(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                price.amount(),
                price.currency(),
                rs.getLong(6),
                rs.getString(7),
                rs.getObject(8, OffsetDateTime.class).toInstant(),
                rs.getObject(9, OffsetDateTime.class).toInstant());
    }
}
