package io.shopcore.catalog.domain;

/** Shared rules for human-entered text: trimmed, no control characters, measured in code points. */
final class Texts {

    private Texts() {}

    static String required(String field, String raw, int maxCodePoints) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidCatalogValue(field, "must not be blank");
        }
        return checked(field, raw.strip(), maxCodePoints);
    }

    static String optional(String field, String raw, int maxCodePoints) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return checked(field, raw.strip(), maxCodePoints);
    }

    private static String checked(String field, String value, int maxCodePoints) {
        if (value.codePointCount(0, value.length()) > maxCodePoints) {
            throw new InvalidCatalogValue(field, "must be at most " + maxCodePoints + " characters");
        }
        boolean multiline = "description".equals(field);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                throw new InvalidCatalogValue(field, "must not contain control characters");
            }
        }
        return value;
    }
}
