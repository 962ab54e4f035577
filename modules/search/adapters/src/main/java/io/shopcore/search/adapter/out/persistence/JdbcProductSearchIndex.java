package io.shopcore.search.adapter.out.persistence;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopcore.infrastructure.store.ReadSlots;
import io.shopcore.infrastructure.store.StoreFailures;
import io.shopcore.search.adapter.config.SearchConfig;
import io.shopcore.search.application.port.in.SearchProductsUseCase.Query;
import io.shopcore.search.application.port.out.MatchPage;
import io.shopcore.search.application.port.out.ProductMatch;
import io.shopcore.search.application.port.out.ProductSearchIndex;
import io.shopcore.search.domain.IndexedProduct;
import io.shopcore.search.domain.SearchDocument;
import io.shopcore.search.domain.SearchTerms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The projection in PostgreSQL 15 with contrib only: a {@code tsvector} built in Java (GIN), a
 * trigram GIN index on the folded name for partial words, and a dictionary table with a trigram
 * index for typo correction. Plain pooled JDBC: writes join the caller's JTA transaction (Agroal
 * enlists the connection), reads run without one.
 *
 * <p>SQL text depends only on the number and kind of query terms, never on their content: lexemes
 * go in as a {@code tsquery} literal whose every lexeme is quoted, and substrings as an escaped
 * {@code LIKE} pattern, both as bind parameters.
 */
@ApplicationScoped
public class JdbcProductSearchIndex implements ProductSearchIndex {

    /** Held shared by every index write, exclusively by a rebuild ({@code pg_advisory_xact_lock}). */
    static final long INDEX_LOCK = 0x5345_4152_4348L; // "SEARCH"
    /** pg_trgm similarity for dictionary candidates: low, the edit distance decides afterwards. */
    static final String SIMILARITY_THRESHOLD = "0.2";

    private static final String STORE = "search";

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final ReadSlots searchSlots;
    private volatile String trgmSchema;

    public JdbcProductSearchIndex(
            DataSource dataSource,
            TransactionSynchronizationRegistry transactions,
            SearchConfig config,
            MeterRegistry registry) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        // Searches run in shopcore.search.read.* slots: a burst of expensive pages waits in the service, not
        // in the connection pool every other module needs (503 + Retry-After after the queue timeout).
        this.searchSlots = new ReadSlots(
                STORE, config.read().maxConcurrent(), config.read().queueTimeout(), registry);
    }

    @Override
    public void save(SearchDocument document) {
        IndexedProduct p = document.product();
        try (Connection c = dataSource.getConnection()) {
            lockShared(c);
            Set<String> old = new HashSet<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT terms FROM search.products WHERE product_id = ? FOR UPDATE")) {
                ps.setLong(1, p.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        old.addAll(Arrays.asList((String[]) rs.getArray(1).getArray()));
                    }
                }
            }
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO search.products (product_id, name, description, price,"
                            + " currency, category_id, category_name, name_folded, document, terms, terms_folded)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::tsvector, ?, ?) ON CONFLICT (product_id) DO UPDATE SET"
                            + " name = excluded.name, description = excluded.description, price = excluded.price,"
                            + " currency = excluded.currency, category_id = excluded.category_id, category_name = excluded.category_name,"
                            + " name_folded = excluded.name_folded, document = excluded.document, terms = excluded.terms,"
                            + " terms_folded = excluded.terms_folded")) {
                bindDocument(c, ps, document);
                ps.executeUpdate();
            }
            TreeSet<String> added = new TreeSet<>(document.terms());
            added.removeAll(old);
            TreeSet<String> removed = new TreeSet<>(old);
            removed.removeAll(document.terms());
            SearchTermsTable.lock(c, added, removed);
            SearchTermsTable.count(c, added, +1);
            SearchTermsTable.count(c, removed, -1);
        } catch (SQLException e) {
            throw StoreFailures.translate(STORE, "save product " + p.id(), e);
        }
    }

    @Override
    public void remove(long productId) {
        try (Connection c = dataSource.getConnection()) {
            lockShared(c);
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM search.products WHERE product_id = ? RETURNING terms")) {
                ps.setLong(1, productId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        SearchTermsTable.count(
                                c,
                                new TreeSet<>(
                                        Arrays.asList((String[]) rs.getArray(1).getArray())),
                                -1);
                    }
                }
            }
        } catch (SQLException e) {
            throw StoreFailures.translate(STORE, "remove product " + productId, e);
        }
    }

    @Override
    public void startRebuild() {
        requireTransaction("startRebuild");
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                ps.setLong(1, INDEX_LOCK);
                ps.execute();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM search.products")) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM search.terms")) {
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw StoreFailures.translate(STORE, "start rebuild", e);
        }
    }

    @Override
    public void addAll(List<SearchDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("INSERT INTO search.products (product_id, name, description, price,"
                                + " currency, category_id, category_name, name_folded, document, terms, terms_folded)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::tsvector, ?, ?)")) {
            for (SearchDocument d : documents) {
                bindDocument(c, ps, d);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw StoreFailures.translate(STORE, "add products", e);
        }
    }

    @Override
    public void finishRebuild() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO search.terms (term, term_folded, products)"
                        + " SELECT t.term, min(t.folded), count(*) FROM search.products p,"
                        + " unnest(p.terms, p.terms_folded) AS t(term, folded) GROUP BY t.term ORDER BY t.term")) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw StoreFailures.translate(STORE, "finish rebuild", e);
        }
    }

    @Override
    public MatchPage search(SearchTerms terms, Query query) {
        ProductMatchQuery q = ProductMatchQuery.of(terms, query);
        return searchSlots.run(() -> search(q, query));
    }

    private MatchPage search(ProductMatchQuery q, Query query) {
        try (Connection c = dataSource.getConnection()) {
            List<ProductMatch> matches = new ArrayList<>(query.size());
            long total = -1;
            try (PreparedStatement ps = c.prepareStatement(q.sql())) {
                JdbcParams.bind(ps, q.params());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String currency = rs.getString(5);
                        matches.add(new ProductMatch(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                atCurrencyScale(rs.getBigDecimal(4), currency),
                                currency,
                                rs.getLong(6),
                                rs.getString(7),
                                rs.getDouble(8)));
                        total = rs.getLong(9);
                    }
                }
            }
            if (total < 0) {
                total = query.offset() == 0 ? 0 : JdbcParams.count(c, q.countSql(), q.whereParams());
            }
            return new MatchPage(matches, total, null);
        } catch (SQLException e) {
            throw StoreFailures.translate(STORE, "search", e);
        }
    }

    @Override
    public List<DictionaryTerm> similarTerms(String foldedWord, int limit) {
        String s = trgmSchema();
        boolean ownTransaction = transactions.getTransactionKey() == null;
        try (Connection c = dataSource.getConnection()) {
            // The similarity threshold is set for this transaction only: give the lookup one of its own.
            if (ownTransaction) {
                c.setAutoCommit(false);
            }
            try {
                List<DictionaryTerm> out = SearchTermsTable.similar(c, s, foldedWord, limit);
                if (ownTransaction) {
                    c.commit();
                }
                return out;
            } finally {
                if (ownTransaction) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw StoreFailures.translate(STORE, "similar terms", e);
        }
    }

    @Override
    public long size() {
        try (Connection c = dataSource.getConnection()) {
            return JdbcParams.count(c, "SELECT count(*) FROM search.products", List.of());
        } catch (SQLException e) {
            throw StoreFailures.translate(STORE, "size", e);
        }
    }

    @Override
    public boolean trigramsKeepHangul() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT cardinality(" + trgmSchema() + ".show_trgm('가나다'))")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        } catch (SQLException e) {
            throw StoreFailures.translate(STORE, "trigram check", e);
        }
    }

    /** The schema holding pg_trgm, as a quoted identifier (the migration uses an existing installation). */
    String trgmSchema() {
        String s = trgmSchema;
        if (s == null) {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "SELECT quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
                                    + " WHERE e.extname = 'pg_trgm'");
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("pg_trgm is not installed (the search migration creates it)");
                }
                s = rs.getString(1);
                trgmSchema = s;
            } catch (SQLException e) {
                throw StoreFailures.translate(STORE, "find pg_trgm", e);
            }
        }
        return s;
    }

    /** Prices at their currency's scale (KRW 12000, USD 12.50), as the catalog shows them; numeric(19,4) pads to 4. */
    static BigDecimal atCurrencyScale(BigDecimal price, String currency) {
        try {
            int scale = Math.max(0, Currency.getInstance(currency.trim()).getDefaultFractionDigits());
            return price.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return price;
        }
    }

    private static void bindDocument(Connection c, PreparedStatement ps, SearchDocument d) throws SQLException {
        IndexedProduct p = d.product();
        ps.setLong(1, p.id());
        ps.setString(2, p.name());
        ps.setString(3, p.description());
        ps.setBigDecimal(4, p.price());
        ps.setString(5, p.currency());
        ps.setLong(6, p.categoryId());
        ps.setString(7, p.categoryName());
        ps.setString(8, d.foldedName());
        ps.setString(9, TsLiterals.tsvector(d.postings()));
        String[] terms = d.terms().toArray(String[]::new);
        ps.setArray(10, c.createArrayOf("text", terms));
        ps.setArray(11, c.createArrayOf("text", SearchTermsTable.folded(terms)));
    }

    private static void lockShared(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock_shared(?)")) {
            ps.setLong(1, INDEX_LOCK);
            ps.execute();
        }
    }

    private void requireTransaction(String operation) {
        if (transactions.getTransactionKey() == null) {
            throw new IllegalStateException(operation + " must run in a transaction");
        }
    }
}
