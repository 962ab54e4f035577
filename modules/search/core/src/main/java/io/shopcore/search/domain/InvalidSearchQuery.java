package io.shopcore.search.domain;

/** A search parameter that breaks a rule; {@link #field()} names the request parameter it came from. */
public class InvalidSearchQuery extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public InvalidSearchQuery(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The request parameter ({@code q}, {@code categoryId}, {@code minPrice}, ...). */
    public String field() {
        return field;
    }

    /** The rule that was broken, without the field name. */
    public String reason() {
        return reason;
    }
}
