package io.shopcore.catalog.domain;

/** Optional free text about a product, up to 2,000 characters; blank means none. */
public final class Description {

    public static final int MAX_LENGTH = 2000;

    private Description() {}

    /** The normalized description, or {@code null} when there is none. */
    public static String normalize(String raw) {
        return Texts.optional("description", raw, MAX_LENGTH);
    }
}
