package io.shopcore.search.adapter.out.persistence;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopcore.infrastructure.store.ReadSlots;
import io.shopcore.infrastructure.store.StoreFailures;
import io.shopcore.search.adapter.config.SearchConfig;
import io.shopcore.search.application.port.in.SearchProductsUseCase.Query;
import io.shopcore.search.application.port.out.MatchPage;
import io.shopcore.search.application.port.out.ProductMatch;
import io.shopcore.search.application.port.out.ProductSearchIndex.DictionaryTerm;
import io.shopcore.search.domain.SearchTerms;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import javax.sql.DataSource;

/**
 * The projection's reads, without a transaction: result pages (in {@code shopcore.search.read.*} slots),
 * dictionary candidates for typo correction, the size, and the pg_trgm self-check.
 */
final class JdbcProductSearchReader {

    /** pg_trgm similarity for dictionary candidates: low, the edit distance decides afterwards. */
    static final String SIMILARITY_THRESHOLD = "0.2";

    private static final String STORE = JdbcProductSearchIndex.STORE;

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final ReadSlots searchSlots;
    private volatile String trgmSchema;

    JdbcProductSearchReader(
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

    MatchPage search(SearchTerms terms, Query query) {
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

    List<DictionaryTerm> similarTerms(String foldedWord, int limit) {
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

    long size() {
        try (Connection c = dataSource.getConnection()) {
            return JdbcParams.count(c, "SELECT count(*) FROM search.products", List.of());
        } catch (SQLException e) {
            throw StoreFailures.translate(STORE, "size", e);
        }
    }

    boolean trigramsKeepHangul() {
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
}
