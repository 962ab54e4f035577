package io.shopcore.search.adapter.out.persistence;

import io.shopcore.search.application.port.out.ProductSearchIndex.DictionaryTerm;
import io.shopcore.search.domain.TextAnalysis;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The term dictionary ({@code search.terms}: each indexed term, its NFD form and how many products
 * carry it), which typo correction reads: counting terms in and out as products change, and finding
 * the terms most similar to a word. Statements only; the caller owns connection and transaction.
 */
final class SearchTermsTable {

    private SearchTermsTable() {}

    /** The NFD forms of {@code terms}, as stored in {@code term_folded}. */
    static String[] folded(String[] terms) {
        String[] folded = new String[terms.length];
        for (int i = 0; i < terms.length; i++) {
            folded[i] = TextAnalysis.fold(terms[i]);
        }
        return folded;
    }

    /**
     * Terms whose NFD form is trigram-similar to {@code foldedWord}, most similar first. The {@code %}
     * operator reads its threshold from a setting, set here for the current transaction only.
     */
    static List<DictionaryTerm> similar(Connection c, String trgmSchema, String foldedWord, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('pg_trgm.similarity_threshold', ?, true)")) {
            ps.setString(1, JdbcProductSearchReader.SIMILARITY_THRESHOLD);
            ps.execute();
        }
        String sql = "SELECT term, term_folded, products FROM search.terms WHERE term_folded OPERATOR(" + trgmSchema
                + ".%) ? AND products > 0 ORDER BY " + trgmSchema + ".similarity(term_folded, ?) DESC, term LIMIT ?";
        List<DictionaryTerm> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, foldedWord);
            ps.setString(2, foldedWord);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DictionaryTerm(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
        }
        return out;
    }

    /**
     * Locks the existing dictionary rows a save will change, all in term order, before changing any:
     * two concurrent saves that swap terms would otherwise lock them in opposite orders (increments
     * first, then decrements) and deadlock.
     */
    static void lock(Connection c, TreeSet<String> added, TreeSet<String> removed) throws SQLException {
        TreeSet<String> all = new TreeSet<>(added);
        all.addAll(removed);
        if (all.size() < 2 || added.isEmpty() || removed.isEmpty()) {
            return; // one statement only: it locks in term order by itself
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT term FROM search.terms WHERE term = ANY (?::text[]) ORDER BY term FOR UPDATE")) {
            ps.setArray(1, c.createArrayOf("text", all.toArray(String[]::new)));
            ps.executeQuery().close();
        }
    }

    /** Adds {@code delta} to each term's count, in term order (so concurrent writers lock terms in the same order). */
    static void count(Connection c, TreeSet<String> terms, int delta) throws SQLException {
        if (terms.isEmpty()) {
            return;
        }
        String[] t = terms.toArray(String[]::new);
        Array array = c.createArrayOf("text", t);
        if (delta > 0) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO search.terms (term, term_folded, products)"
                    + " SELECT term, folded, 1 FROM unnest(?::text[], ?::text[]) AS t(term, folded) ORDER BY term"
                    + " ON CONFLICT (term) DO UPDATE SET products = search.terms.products + 1")) {
                ps.setArray(1, array);
                ps.setArray(2, c.createArrayOf("text", folded(t)));
                ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("WITH d AS (UPDATE search.terms SET products = products - 1"
                    + " WHERE term = ANY (?::text[]) RETURNING term, products)"
                    + " DELETE FROM search.terms t USING d WHERE t.term = d.term AND d.products = 0")) {
                ps.setArray(1, array);
                ps.executeUpdate();
            }
        }
    }
}
