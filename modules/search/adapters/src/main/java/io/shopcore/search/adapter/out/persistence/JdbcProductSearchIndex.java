package io.shopcore.search.adapter.out.persistence;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopcore.search.adapter.config.SearchConfig;
import io.shopcore.search.application.port.in.SearchProductsUseCase.Query;
import io.shopcore.search.application.port.out.MatchPage;
import io.shopcore.search.application.port.out.ProductSearchIndex;
import io.shopcore.search.domain.SearchDocument;
import io.shopcore.search.domain.SearchTerms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
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
 *
 * <p>The port's two sides are two classes: {@link JdbcSearchDocumentWriter} (document writes and the
 * rebuild) and {@link JdbcProductSearchReader} (result pages, dictionary, size, self-check).
 */
@ApplicationScoped
public class JdbcProductSearchIndex implements ProductSearchIndex {

    static final String STORE = "search";

    private final JdbcSearchDocumentWriter writer;
    private final JdbcProductSearchReader reader;

    public JdbcProductSearchIndex(
            DataSource dataSource,
            TransactionSynchronizationRegistry transactions,
            SearchConfig config,
            MeterRegistry registry) {
        this.writer = new JdbcSearchDocumentWriter(dataSource, transactions);
        this.reader = new JdbcProductSearchReader(dataSource, transactions, config, registry);
    }

    @Override
    public void save(SearchDocument document) {
        writer.save(document);
    }

    @Override
    public void remove(long productId) {
        writer.remove(productId);
    }

    @Override
    public void startRebuild() {
        writer.startRebuild();
    }

    @Override
    public void addAll(List<SearchDocument> documents) {
        writer.addAll(documents);
    }

    @Override
    public void finishRebuild() {
        writer.finishRebuild();
    }

    @Override
    public MatchPage search(SearchTerms terms, Query query) {
        return reader.search(terms, query);
    }

    @Override
    public List<DictionaryTerm> similarTerms(String foldedWord, int limit) {
        return reader.similarTerms(foldedWord, limit);
    }

    @Override
    public long size() {
        return reader.size();
    }

    @Override
    public boolean trigramsKeepHangul() {
        return reader.trigramsKeepHangul();
    }
}
