package io.shopcore.search.adapter.out.persistence;

import io.shopcore.search.domain.SearchDocument;
import io.shopcore.search.domain.SearchTerms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tsvector} and {@code tsquery} literals built from analysed text, and {@code LIKE} patterns.
 * Every lexeme is quoted (quotes doubled, backslashes escaped), so no character of user text is
 * ever read as an operator; lexemes are letters and digits anyway.
 */
final class TsLiterals {

    /** PostgreSQL keeps at most 256 positions per lexeme and positions up to 16383. */
    static final int MAX_POSITIONS = 256;

    static final int MAX_POSITION = 16_383;

    private TsLiterals() {}

    static String quote(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    static String tsvector(List<SearchDocument.Posting> postings) {
        Map<String, List<String>> positions = new LinkedHashMap<>();
        for (SearchDocument.Posting p : postings) {
            List<String> list = positions.computeIfAbsent(p.lexeme(), k -> new ArrayList<>());
            if (list.size() < MAX_POSITIONS && p.position() <= MAX_POSITION) {
                list.add(p.position() + p.weight().name());
            }
        }
        StringBuilder b = new StringBuilder();
        positions.forEach((lexeme, list) -> {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(quote(lexeme));
            if (!list.isEmpty()) {
                b.append(':').append(String.join(",", list));
            }
        });
        return b.toString();
    }

    /** The lexemes in sequence ({@code <->}), prefixes marked {@code :*}. */
    static String phrase(List<SearchTerms.Lexeme> lexemes) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < lexemes.size(); i++) {
            if (i > 0) {
                b.append(" <-> ");
            }
            SearchTerms.Lexeme l = lexemes.get(i);
            b.append(quote(l.text())).append(l.prefix() ? ":*" : "");
        }
        return b.append(')').toString();
    }

    /** Escapes {@code LIKE}'s wildcards and its escape character (backslash). */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
