package io.shopcore.search.application;

import io.shopcore.search.application.port.out.ProductSearchIndex;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses to run on a database whose character classification drops Korean from trigrams
 * (LC_CTYPE=C): partial Korean words and typo correction would silently find nothing.
 */
@ApplicationScoped
public class KoreanTrigramCheck {

    static final String FIX = "The database's character classification drops Korean from pg_trgm trigrams"
            + " (show_trgm('가나다') is empty), so partial Korean words and typo correction cannot work."
            + " Create the database with a UTF-8 LC_CTYPE, e.g."
            + " CREATE DATABASE shopcore TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
            + " (or initdb --locale=C.UTF-8), and restore the data into it; see docs/modules/search.md.";

    private final ProductSearchIndex index;

    public KoreanTrigramCheck(ProductSearchIndex index) {
        this.index = index;
    }

    /** @throws IllegalStateException saying how to fix the database when Korean trigrams are missing */
    public void verify() {
        if (!index.trigramsKeepHangul()) {
            throw new IllegalStateException(FIX);
        }
    }
}
