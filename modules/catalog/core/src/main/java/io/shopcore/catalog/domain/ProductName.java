package io.shopcore.catalog.domain;

/** A product's display name: 1..200 Unicode characters (Korean, English, ...), trimmed. */
public record ProductName(String value) {

    public static final int MAX_LENGTH = 200;

    public ProductName {
        value = Texts.required("name", value, MAX_LENGTH);
    }
}
