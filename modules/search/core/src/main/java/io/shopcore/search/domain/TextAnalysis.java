package io.shopcore.search.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How text becomes searchable, the same way for documents and queries.
 *
 * <ul>
 *   <li>{@link #normalize}: NFKC (full-width letters, compatibility forms) then lower case.</li>
 *   <li>{@link #words}: maximal runs of letters and digits, split where Hangul syllables meet other
 *       characters ({@code 갤럭시S24} is {@code 갤럭시}, {@code s24}).</li>
 *   <li>{@link #lexemes}: a Hangul word of two or more syllables becomes its overlapping two-syllable
 *       pieces ({@code 아이패드} → {@code 아이 이패 패드}, the idea of Lucene's CJK bigram filter), so
 *       Korean compounds match by their parts; any other word is one lexeme.</li>
 *   <li>{@link #fold}: the normalized text in NFD, which splits each Hangul syllable into its
 *       letters (jamo), so Korean words of two syllables have trigrams and small typos are small
 *       edit distances ({@code 페} vs {@code 패} is one letter).</li>
 * </ul>
 */
public final class TextAnalysis {

    /** Words longer than this are not indexed as lexemes (PostgreSQL caps a lexeme at 2 KB); they still match as substrings of the name. */
    public static final int MAX_WORD_LENGTH = 100;

    private TextAnalysis() {}

    /** A word and whether it is a run of Hangul syllables. */
    public record Word(String text, boolean hangul) {}

    public static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Normalized, then decomposed (NFD): the form of names and dictionary terms for trigram matching. */
    public static String fold(String text) {
        return Normalizer.normalize(normalize(text), Normalizer.Form.NFD);
    }

    /** The words of already normalized text, in order. */
    public static List<Word> words(String normalized) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        int n = normalized.length();
        while (i < n) {
            int cp = normalized.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            boolean hangul = isHangulSyllable(cp);
            int start = i;
            while (i < n) {
                int c = normalized.codePointAt(i);
                if (!isWordChar(c) || isHangulSyllable(c) != hangul) {
                    break;
                }
                i += Character.charCount(c);
            }
            words.add(new Word(normalized.substring(start, i), hangul));
        }
        return words;
    }

    /** The lexemes of one word, in order; empty for a word too long to index. */
    public static List<String> lexemes(Word word) {
        String w = word.text();
        int length = w.codePointCount(0, w.length());
        if (length > MAX_WORD_LENGTH) {
            return List.of();
        }
        if (!word.hangul() || length < 2) {
            return List.of(w);
        }
        // Hangul syllables are all in the BMP: one char each.
        List<String> bigrams = new ArrayList<>(length - 1);
        for (int k = 0; k + 2 <= w.length(); k++) {
            bigrams.add(w.substring(k, k + 2));
        }
        return bigrams;
    }

    /** True when the text has characters other than letters and digits (after normalization). */
    public static boolean hasSymbols(String normalized) {
        return normalized.codePoints().anyMatch(cp -> !isWordChar(cp));
    }

    public static boolean isHangulSyllable(int cp) {
        return cp >= 0xAC00 && cp <= 0xD7A3;
    }

    static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        // Combining marks belong to the letter before them (Devanagari, Thai, ...).
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Length in code points. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
