package io.shopcore.catalog.adapter.out.persistence;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopcore.catalog.adapter.config.CatalogConfig;
import io.shopcore.catalog.application.port.in.ProductCursor;
import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductPage;
import io.shopcore.catalog.application.port.in.ProductSort;
import io.shopcore.catalog.application.port.in.ProductView;
import io.shopcore.catalog.application.port.out.ProductReadModel;
import io.shopcore.catalog.domain.Money;
import io.shopcore.catalog.domain.ProductId;
import io.shopcore.infrastructure.store.ReadSlots;
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
 * halve the throughput of a read, docs/performance.md). SQL is fixed text; the sort order comes from an
 * enum, never from user input.
 *
 * <p>A page is at most two statements whatever its size or depth: the total, a primary-key read of the
 * maintained counts ({@code catalog.product_counts}, kept by triggers in every product write's
 * transaction), and the rows, joined with their category, by {@code OFFSET} for a numbered page or by an
 * index range scan after a cursor (keyset). A numbered page at or past the end costs the total only.
 *
 * <p>At most {@code shopcore.catalog.read.max-concurrent} statements of the read path run at once;
 * more wait up to {@code queue-timeout} for a slot and are then refused as unavailable (503 with
 * Retry-After) rather than piling up on PostgreSQL, where a burst of cold loads would only compete for
 * the same cores and slow every one of them down.
 */
@ApplicationScoped
@TranslateStoreFailures("catalog")
public class JdbcProductReadModel implements ProductReadModel {

    private static final String COLUMNS =
            "select p.id, p.name, p.description, p.price, p.currency, p.category_id, c.name,"
                    + " p.created_at, p.updated_at from catalog.products p join catalog.categories c on c.id = p.category_id"
                    + " where p.deleted_at is null";
    private static final String TOTAL_SQL = "select coalesce(sum(active), 0) from catalog.product_counts";
    private static final String CATEGORY_TOTAL_SQL = TOTAL_SQL + " where category_id = ?";

    private final DataSource dataSource;
    private final ReadSlots slots;
    private final AtomicLong statements = new AtomicLong();

    public JdbcProductReadModel(DataSource dataSource, MeterRegistry registry, CatalogConfig config) {
        this.dataSource = dataSource;
        this.slots = new ReadSlots(
                "catalog", config.read().maxConcurrent(), config.read().queueTimeout(), registry);
        FunctionCounter.builder("shopcore.catalog.read.statements", statements, AtomicLong::get)
                .description("SQL statements run by the catalog's read path (cache misses only)")
                .register(registry);
    }

    @Override
    public ProductPage findPage(ProductListQuery query) {
        return slots.run(() -> page(query));
    }

    private ProductPage page(ProductListQuery query) throws SQLException {
        boolean byCategory = query.categoryId() != null;
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement(byCategory ? CATEGORY_TOTAL_SQL : TOTAL_SQL)) {
                if (byCategory) {
                    ps.setLong(1, query.categoryId().value());
                }
                statements.incrementAndGet();
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            if (total == 0 || (!query.byCursor() && query.offset() >= total)) {
                return new ProductPage(List.of(), total); // nothing there: no need to look
            }
            StringBuilder sql = new StringBuilder(COLUMNS);
            if (byCategory) {
                sql.append(" and p.category_id = ?");
            }
            if (query.byCursor()) {
                sql.append(keyset(query.sort()));
            }
            sql.append(" order by ").append(orderBy(query)).append(" limit ?");
            if (!query.byCursor()) {
                sql.append(" offset ?");
            }
            List<ProductView> items = new ArrayList<>(query.size());
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                if (byCategory) {
                    ps.setLong(i++, query.categoryId().value());
                }
                if (query.byCursor()) {
                    i = bindKeyset(ps, i, query.after());
                }
                ps.setInt(i++, query.size());
                if (!query.byCursor()) {
                    ps.setLong(i, query.offset());
                }
                statements.incrementAndGet();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(view(rs));
                    }
                }
            }
            return new ProductPage(items, total);
        }
    }

    /** Rows strictly after the cursor in the sort's order (each order ends with the id, ascending). */
    private static String keyset(ProductSort sort) {
        return switch (sort) {
            case ID -> " and p.id > ?";
            case PRICE -> " and (p.price, p.id) > (?, ?)";
            // price descending, then id ascending: the index on (price, id) read backwards bounds the scan.
            case PRICE_DESC -> " and p.price <= ? and (p.price < ? or p.id > ?)";
            case NAME -> " and (p.name, p.id) > (?, ?)";
        };
    }

    private static int bindKeyset(PreparedStatement ps, int i, ProductCursor after) throws SQLException {
        switch (after.sort()) {
            case ID -> ps.setLong(i++, after.id());
            case PRICE -> {
                ps.setBigDecimal(i++, after.price());
                ps.setLong(i++, after.id());
            }
            case PRICE_DESC -> {
                ps.setBigDecimal(i++, after.price());
                ps.setBigDecimal(i++, after.price());
                ps.setLong(i++, after.id());
            }
            case NAME -> {
                ps.setString(i++, after.name());
                ps.setLong(i++, after.id());
            }
        }
        return i;
    }

    @Override
    public Optional<ProductView> findView(ProductId id) {
        return slots.run(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(COLUMNS + " and p.id = ?")) {
                ps.setLong(1, id.value());
                statements.incrementAndGet();
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(view(rs)) : Optional.empty();
                }
            }
        });
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
