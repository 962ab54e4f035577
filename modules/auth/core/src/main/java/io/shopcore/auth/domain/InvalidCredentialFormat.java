package io.shopcore.auth.domain;

/** A username or password that breaks the format rules; the field says which. */
public class InvalidCredentialFormat extends IllegalArgumentException {

    private final String field;

    public InvalidCredentialFormat(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
