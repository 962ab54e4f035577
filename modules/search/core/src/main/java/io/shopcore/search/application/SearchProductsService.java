package io.shopcore.search.application;

import io.shopcore.search.application.port.in.SearchProductsUseCase;
import io.shopcore.search.application.port.out.MatchPage;
import io.shopcore.search.application.port.out.ProductAvailability;
import io.shopcore.search.application.port.out.ProductMatch;
import io.shopcore.search.application.port.out.ProductSearchIndex;
import io.shopcore.search.application.port.out.ProductSearchIndex.DictionaryTerm;
import io.shopcore.search.application.port.out.SearchResultCache;
import io.shopcore.search.domain.EditDistance;
import io.shopcore.search.domain.SearchDocument;
import io.shopcore.search.domain.SearchTerms;
import io.shopcore.search.domain.TextAnalysis;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Searches the projection through the result cache; when a text finds nothing, corrects its words
 * against the dictionary and searches once more. Availability is added fresh to every answer. No
 * transaction: each statement reads committed data, which is all a search needs.
 */
@ApplicationScoped
public class SearchProductsService implements SearchProductsUseCase {

    /** Dictionary candidates (by trigram similarity) re-ranked by edit distance per word. */
    static final int CORRECTION_CANDIDATES = 20;

    private final ProductSearchIndex index;
    private final SearchResultCache cache;
    private final ProductAvailability availability;

    public SearchProductsService(ProductSearchIndex index, SearchResultCache cache, ProductAvailability availability) {
        this.index = index;
        this.cache = cache;
        this.availability = availability;
    }

    @Override
    public Result search(Query query) {
        SearchResultCache.Lookup lookup = cache.lookup(query);
        MatchPage page = lookup.cached().orElse(null);
        if (page == null) {
            page = find(query);
            lookup.fill(page);
        }
        Map<Long, Integer> available = page.matches().isEmpty()
                ? Map.of()
                : availability.availableFor(
                        page.matches().stream().map(ProductMatch::productId).toList());
        List<Hit> hits = new ArrayList<>(page.matches().size());
        for (ProductMatch m : page.matches()) {
            hits.add(new Hit(
                    m.productId(),
                    m.name(),
                    m.description(),
                    m.price(),
                    m.currency(),
                    m.categoryId(),
                    m.categoryName(),
                    m.score(),
                    available.getOrDefault(m.productId(), 0)));
        }
        return new Result(hits, query.page(), query.size(), page.total(), page.correctedQuery());
    }

    private MatchPage find(Query query) {
        SearchTerms terms = SearchTerms.parse(query.text());
        MatchPage page = index.search(terms, query);
        if (page.total() > 0) {
            return page;
        }
        Optional<String> corrected = correct(terms);
        if (corrected.isEmpty()) {
            return page;
        }
        MatchPage again = index.search(SearchTerms.parse(corrected.get()), query);
        return again.total() == 0 ? page : new MatchPage(again.matches(), again.total(), corrected.get());
    }

    /** The text with each unknown plain word replaced by its closest dictionary term, if any word changed. */
    Optional<String> correct(SearchTerms terms) {
        List<String> words = new ArrayList<>(terms.terms().size());
        boolean changed = false;
        for (SearchTerms.Term term : terms.terms()) {
            String replacement = term.isPlainWord() ? closestTerm(term).orElse(null) : null;
            if (replacement != null) {
                changed = true;
                words.add(replacement);
            } else {
                words.add(term.text());
            }
        }
        return changed ? Optional.of(String.join(" ", words)) : Optional.empty();
    }

    private Optional<String> closestTerm(SearchTerms.Term term) {
        String word = term.text();
        int tolerance = EditDistance.tolerance(TextAnalysis.length(term.folded()));
        if (tolerance == 0 || !SearchDocument.isDictionaryTerm(word)) {
            return Optional.empty();
        }
        List<DictionaryTerm> candidates = index.similarTerms(term.folded(), CORRECTION_CANDIDATES);
        if (candidates.stream().anyMatch(c -> c.term().equals(word))) {
            return Optional.empty(); // a known word: nothing to correct
        }
        record Scored(DictionaryTerm term, int distance) {}
        return candidates.stream()
                .map(c -> new Scored(c, EditDistance.between(term.folded(), c.folded())))
                .filter(s -> s.distance() <= tolerance)
                .min(Comparator.comparingInt(Scored::distance)
                        .thenComparing(s -> -s.term().products())
                        .thenComparing(s -> s.term().term()))
                .map(s -> s.term().term());
    }
}
