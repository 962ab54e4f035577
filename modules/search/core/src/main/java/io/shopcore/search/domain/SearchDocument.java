package io.shopcore.search.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A product ready for the index: its lexemes with positions and field weights, its folded name
 * (for substring matches) and the terms it adds to the typo dictionary. Built in Java so the
 * database's text-search parser and locale never decide how Korean is split.
 *
 * @param postings   lexemes in document order; positions start at 1, fields are separated by a
 *                   gap so a phrase never spans two fields
 * @param foldedName {@link TextAnalysis#fold} of the name
 * @param terms      distinct whole words of the name and category (2..{@value #MAX_TERM_LENGTH}
 *                   characters, at least one letter), sorted: the typo dictionary's entries
 */
public record SearchDocument(
        IndexedProduct product, List<Posting> postings, String foldedName, SortedSet<String> terms) {

    public static final int MAX_TERM_LENGTH = 40;
    /** Positions between fields, so that phrase queries do not match across a field boundary. */
    static final int FIELD_GAP = 10;

    /** Field weights, strongest first, as PostgreSQL's setweight labels. */
    public enum Weight {
        A,
        B,
        C
    }

    public record Posting(String lexeme, int position, Weight weight) {}

    public SearchDocument {
        Objects.requireNonNull(product, "product");
        postings = List.copyOf(postings);
        terms = new TreeSet<>(terms);
    }

    public static SearchDocument of(IndexedProduct product) {
        List<Posting> postings = new ArrayList<>();
        int next = 1;
        next = add(postings, product.name(), Weight.A, next) + FIELD_GAP;
        next = add(postings, product.categoryName(), Weight.B, next) + FIELD_GAP;
        add(postings, product.description(), Weight.C, next);
        SortedSet<String> terms = new TreeSet<>();
        addTerms(terms, product.name());
        addTerms(terms, product.categoryName());
        return new SearchDocument(product, postings, TextAnalysis.fold(product.name()), terms);
    }

    private static int add(List<Posting> postings, String text, Weight weight, int position) {
        if (text == null) {
            return position;
        }
        for (TextAnalysis.Word word : TextAnalysis.words(TextAnalysis.normalize(text))) {
            for (String lexeme : TextAnalysis.lexemes(word)) {
                postings.add(new Posting(lexeme, position++, weight));
            }
        }
        return position;
    }

    private static void addTerms(SortedSet<String> terms, String text) {
        for (TextAnalysis.Word word : TextAnalysis.words(TextAnalysis.normalize(text))) {
            if (isDictionaryTerm(word.text())) {
                terms.add(word.text());
            }
        }
    }

    /** Whether a word can be a dictionary term (and so be corrected towards). */
    public static boolean isDictionaryTerm(String word) {
        int length = TextAnalysis.length(word);
        return length >= 2 && length <= MAX_TERM_LENGTH && word.codePoints().anyMatch(Character::isLetter);
    }
}
