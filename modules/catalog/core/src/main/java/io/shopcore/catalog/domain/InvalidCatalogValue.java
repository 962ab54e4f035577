package io.shopcore.catalog.domain;

/** A catalog value that breaks a domain rule; {@link #field()} names the input it came from. */
public class InvalidCatalogValue extends IllegalArgumentException {

    private final String field;
    private final String message;

    public InvalidCatalogValue(String field, String message) {
        super(field + ": " + message);
        this.field = field;
        this.message = message;
    }

    public String field() {
        return field;
    }

    /** The rule that was broken, without the field name. */
    public String reason() {
        return message;
    }
}
