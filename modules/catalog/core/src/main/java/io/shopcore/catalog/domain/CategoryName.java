package io.shopcore.catalog.domain;

/** A category's display name: 1..100 Unicode characters, trimmed; unique within the catalog. */
public record CategoryName(String value) {

    public static final int MAX_LENGTH = 100;

    public CategoryName {
        value = Texts.required("name", value, MAX_LENGTH);
    }
}
