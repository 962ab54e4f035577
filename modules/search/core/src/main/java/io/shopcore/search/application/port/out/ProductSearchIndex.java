package io.shopcore.search.application.port.out;

import io.shopcore.search.application.port.in.SearchProductsUseCase.Query;
import io.shopcore.search.domain.SearchDocument;
import io.shopcore.search.domain.SearchTerms;
import java.util.List;

/**
 * The search module's own projection of the catalog and its typo dictionary. Writes join the
 * caller's transaction. The PostgreSQL adapter is the one in use; an OpenSearch/Elasticsearch
 * adapter (nori analyzer) could take its place (docs/modules/search.md).
 */
public interface ProductSearchIndex {

    /** Adds or replaces the product, and keeps the dictionary's term counts in step. */
    void save(SearchDocument document);

    /** Forgets the product (nothing happens when it is unknown). */
    void remove(long productId);

    /**
     * Starts replacing the whole index in the caller's transaction: waits for index writes in
     * progress, holds off new ones until the transaction ends, and empties the index.
     */
    void startRebuild();

    /** Adds products during a rebuild (dictionary counts are recomputed by {@link #finishRebuild}). */
    void addAll(List<SearchDocument> documents);

    /** Recomputes the dictionary from the indexed products, ending a rebuild. */
    void finishRebuild();

    /**
     * The page of products matching every term, filtered, sorted and paginated as {@code query}
     * says ({@code query.text()} is already parsed into {@code terms}).
     */
    MatchPage search(SearchTerms terms, Query query);

    /**
     * Dictionary terms that look like {@code foldedWord} (trigram similarity on the folded form),
     * most similar first, at most {@code limit}; terms of no remaining product are never returned.
     */
    List<DictionaryTerm> similarTerms(String foldedWord, int limit);

    /** Number of indexed products. */
    long size();

    /**
     * Whether the database keeps trigrams of Korean text ({@code show_trgm('가나다')} is not empty);
     * false when its character classification (LC_CTYPE) does not count Hangul as letters.
     */
    boolean trigramsKeepHangul();

    /** A dictionary entry: a whole word of some product's name or category, and how many products have it. */
    record DictionaryTerm(String term, String folded, long products) {}
}
