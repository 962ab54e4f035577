package io.shopcore.search.application;

import io.shopcore.search.application.port.in.SearchProductsUseCase.Query;
import io.shopcore.search.application.port.out.MatchPage;
import io.shopcore.search.application.port.out.ProductMatch;
import io.shopcore.search.application.port.out.ProductSearchIndex;
import io.shopcore.search.domain.IndexedProduct;
import io.shopcore.search.domain.SearchDocument;
import io.shopcore.search.domain.SearchTerms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The index in memory, with the PostgreSQL adapter's matching rules (phrase of lexemes or
 * substring of the folded name); scores only keep the order "name before category before description".
 */
public class InMemoryProductSearchIndex implements ProductSearchIndex {

    /** pg_trgm's similarity threshold as the adapter sets it for the dictionary lookup. */
    static final double SIMILARITY_THRESHOLD = 0.2;

    private final Map<Long, SearchDocument> documents = new TreeMap<>();
    private final Map<String, long[]> dictionary = new TreeMap<>();
    private boolean keepsHangul = true;

    public void keepsHangulTrigrams(boolean value) {
        keepsHangul = value;
    }

    @Override
    public synchronized void save(SearchDocument document) {
        remove(document.product().id());
        documents.put(document.product().id(), document);
        document.terms().forEach(t -> dictionary.computeIfAbsent(t, k -> new long[1])[0]++);
    }

    @Override
    public synchronized void remove(long productId) {
        SearchDocument old = documents.remove(productId);
        if (old != null) {
            old.terms().forEach(t -> dictionary.get(t)[0]--);
        }
    }

    @Override
    public synchronized void startRebuild() {
        documents.clear();
        dictionary.clear();
    }

    @Override
    public synchronized void addAll(List<SearchDocument> batch) {
        batch.forEach(d -> documents.put(d.product().id(), d));
    }

    @Override
    public synchronized void finishRebuild() {
        dictionary.clear();
        documents.values().forEach(d -> d.terms().forEach(t -> dictionary.computeIfAbsent(t, k -> new long[1])[0]++));
    }

    @Override
    public synchronized MatchPage search(SearchTerms terms, Query query) {
        List<ProductMatch> all = new ArrayList<>();
        for (SearchDocument d : documents.values()) {
            IndexedProduct p = d.product();
            if (query.categoryId() != null && p.categoryId() != query.categoryId()
                    || query.minPrice() != null && p.price().compareTo(query.minPrice()) < 0
                    || query.maxPrice() != null && p.price().compareTo(query.maxPrice()) > 0
                    || !terms.terms().stream().allMatch(t -> matches(d, t))) {
                continue;
            }
            double score = 0;
            for (List<SearchTerms.Lexeme> phrase : terms.phrases()) {
                score += phraseWeight(d, phrase);
            }
            all.add(new ProductMatch(
                    p.id(),
                    p.name(),
                    p.description(),
                    p.price(),
                    p.currency(),
                    p.categoryId(),
                    p.categoryName(),
                    score));
        }
        Comparator<ProductMatch> byId = Comparator.comparingLong(ProductMatch::productId);
        all.sort(
                switch (query.sort()) {
                    case RELEVANCE ->
                        Comparator.comparingDouble(ProductMatch::score)
                                .reversed()
                                .thenComparing(byId);
                    case PRICE -> Comparator.comparing(ProductMatch::price).thenComparing(byId);
                    case PRICE_DESC ->
                        Comparator.comparing(ProductMatch::price).reversed().thenComparing(byId);
                });
        int from = (int) Math.min(all.size(), query.offset());
        int to = Math.min(all.size(), from + query.size());
        return new MatchPage(all.subList(from, to), all.size(), null);
    }

    @Override
    public synchronized List<DictionaryTerm> similarTerms(String foldedWord, int limit) {
        record Scored(DictionaryTerm term, double similarity) {}
        List<Scored> scored = new ArrayList<>();
        dictionary.forEach((term, count) -> {
            if (count[0] > 0) {
                String folded = java.text.Normalizer.normalize(term, java.text.Normalizer.Form.NFD);
                double s = similarity(foldedWord, folded);
                if (s >= SIMILARITY_THRESHOLD) {
                    scored.add(new Scored(new DictionaryTerm(term, folded, count[0]), s));
                }
            }
        });
        scored.sort(Comparator.comparingDouble(Scored::similarity)
                .reversed()
                .thenComparing(s -> s.term().term()));
        return scored.stream().limit(limit).map(Scored::term).toList();
    }

    @Override
    public synchronized long size() {
        return documents.size();
    }

    @Override
    public boolean trigramsKeepHangul() {
        return keepsHangul;
    }

    /** Dictionary entries with their counts, for comparing two indexes. */
    public synchronized Map<String, Long> dictionary() {
        Map<String, Long> copy = new TreeMap<>();
        dictionary.forEach((t, c) -> {
            if (c[0] > 0) {
                copy.put(t, c[0]);
            }
        });
        return copy;
    }

    private static boolean matches(SearchDocument d, SearchTerms.Term term) {
        return term.matchesLexemes() && phraseWeight(d, term.phrase()) > 0
                || term.matchesSubstring() && d.foldedName().contains(term.folded());
    }

    /** The weight of the strongest field where the phrase occurs, 0 when it does not. */
    private static double phraseWeight(SearchDocument d, List<SearchTerms.Lexeme> phrase) {
        Map<Integer, SearchDocument.Posting> byPosition = new TreeMap<>();
        d.postings().forEach(p -> byPosition.put(p.position(), p));
        double best = 0;
        for (SearchDocument.Posting start : d.postings()) {
            boolean all = true;
            for (int i = 0; i < phrase.size() && all; i++) {
                SearchDocument.Posting at = byPosition.get(start.position() + i);
                SearchTerms.Lexeme l = phrase.get(i);
                all = at != null
                        && (l.prefix()
                                ? at.lexeme().startsWith(l.text())
                                : at.lexeme().equals(l.text()));
            }
            if (all) {
                best = Math.max(
                        best,
                        switch (start.weight()) {
                            case A -> 1.0;
                            case B -> 0.4;
                            case C -> 0.2;
                        });
            }
        }
        return best;
    }

    /** pg_trgm's similarity: shared trigrams over all trigrams of both words (padded like pg_trgm). */
    static double similarity(String a, String b) {
        Set<String> x = trigrams(a);
        Set<String> y = trigrams(b);
        Set<String> shared = new HashSet<>(x);
        shared.retainAll(y);
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        return union.isEmpty() ? 0 : (double) shared.size() / union.size();
    }

    private static Set<String> trigrams(String word) {
        String padded = "  " + word + " ";
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 3 <= padded.length(); i++) {
            out.add(padded.substring(i, i + 3));
        }
        return out;
    }
}
