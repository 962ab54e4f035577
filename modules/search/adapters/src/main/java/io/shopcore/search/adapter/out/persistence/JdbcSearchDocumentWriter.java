package io.shopcore.search.adapter.out.persistence;

import io.shopcore.infrastructure.store.StoreFailures;
import io.shopcore.search.domain.IndexedProduct;
import io.shopcore.search.domain.SearchDocument;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The projection's writes: one product document at a time (inside the catalog change's JTA transaction,
 * Agroal enlists the connection) and the rebuild of the whole projection, with the dictionary's counts kept
 * in step. Writes hold {@link #INDEX_LOCK} shared, a rebuild exclusively.
 */
final class JdbcSearchDocumentWriter {

    /** Held shared by every index write, exclusively by a rebuild ({@code pg_advisory_xact_lock}). */
    static final long INDEX_LOCK = 0x5345_4152_4348L; // "SEARCH"

    private static final String STORE = JdbcProductSearchIndex.STORE;

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;

    JdbcSearchDocumentWriter(DataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    void save(SearchDocument document) {
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

    void remove(long productId) {
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

    void startRebuild() {
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

    void addAll(List<SearchDocument> documents) {
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

    void finishRebuild() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO search.terms (term, term_folded, products)"
                        + " SELECT t.term, min(t.folded), count(*) FROM search.products p,"
                        + " unnest(p.terms, p.terms_folded) AS t(term, folded) GROUP BY t.term ORDER BY t.term")) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw StoreFailures.translate(STORE, "finish rebuild", e);
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
