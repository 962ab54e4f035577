package io.shopcore.search.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query text split into terms (at white space); a product matches when it matches every term.
 * Nothing of the user's text ever reaches a query parser: lexemes are letters and digits only, and
 * the substring pattern is escaped by the adapter.
 *
 * <p>A term of letters and digits matches when its lexemes occur as a phrase in the document
 * (English words as prefixes, Korean words as their two-syllable pieces) <em>or</em> when the
 * folded name contains it (partial words: {@code pad} in {@code iPad}); the substring test needs
 * at least {@value #MIN_SUBSTRING_LENGTH} folded characters, the trigram index's unit. A term with
 * other characters ({@code usb-c}, {@code 100%}, {@code kiehl's}) must appear literally in the name:
 * dropping its symbols would widen the match.
 */
public record SearchTerms(List<Term> terms) {

    public static final int MIN_SUBSTRING_LENGTH = 3;

    public SearchTerms {
        terms = List.copyOf(terms);
    }

    /** One lexeme of a term's phrase; {@code prefix} matches every lexeme that starts with it. */
    public record Lexeme(String text, boolean prefix) {}

    /**
     * @param text    the normalized term ({@link TextAnalysis#normalize})
     * @param folded  its NFD form, compared with the folded name
     * @param phrase  lexemes that must follow one another; empty when the term has no indexable word
     * @param literal the term has symbols and matches only literally, as a substring of the name
     */
    public record Term(String text, String folded, List<Lexeme> phrase, boolean literal) {

        public Term {
            phrase = List.copyOf(phrase);
        }

        /** Whether a lexeme phrase may satisfy this term. */
        public boolean matchesLexemes() {
            return !literal && !phrase.isEmpty();
        }

        /** Whether a substring of the folded name may satisfy this term. */
        public boolean matchesSubstring() {
            return literal || phrase.isEmpty() || TextAnalysis.length(folded) >= MIN_SUBSTRING_LENGTH;
        }

        /** A single word without symbols: a candidate for typo correction. */
        public boolean isPlainWord() {
            return !literal && TextAnalysis.words(text).size() == 1;
        }
    }

    public static SearchTerms parse(String text) {
        String normalized = TextAnalysis.normalize(text);
        Map<String, Term> terms = new LinkedHashMap<>();
        for (String raw : splitOnSpace(normalized)) {
            terms.computeIfAbsent(raw, SearchTerms::term);
        }
        return new SearchTerms(new ArrayList<>(terms.values()));
    }

    /** All lexemes of all terms, for ranking. */
    public List<List<Lexeme>> phrases() {
        List<List<Lexeme>> phrases = new ArrayList<>();
        for (Term t : terms) {
            if (!t.phrase().isEmpty()) {
                phrases.add(t.phrase());
            }
        }
        return phrases;
    }

    private static Term term(String normalized) {
        List<Lexeme> phrase = new ArrayList<>();
        for (TextAnalysis.Word word : TextAnalysis.words(normalized)) {
            List<String> lexemes = TextAnalysis.lexemes(word);
            if (lexemes.isEmpty()) {
                // An over-long word cannot be a lexeme; the term then matches as a substring only.
                phrase.clear();
                break;
            }
            boolean prefix = !word.hangul() || lexemes.size() == 1;
            for (String lexeme : lexemes) {
                phrase.add(new Lexeme(lexeme, prefix));
            }
        }
        boolean literal = TextAnalysis.hasSymbols(normalized);
        return new Term(
                normalized, java.text.Normalizer.normalize(normalized, java.text.Normalizer.Form.NFD), phrase, literal);
    }

    private static List<String> splitOnSpace(String text) {
        List<String> parts = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean space = Character.isWhitespace(cp) || Character.isSpaceChar(cp);
            if (space && start >= 0) {
                parts.add(text.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            parts.add(text.substring(start));
        }
        return parts;
    }
}
