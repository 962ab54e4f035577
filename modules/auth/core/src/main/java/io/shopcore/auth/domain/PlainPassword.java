package io.shopcore.auth.domain;

/** A password as typed: 8..128 characters. Its text never appears in {@link #toString()}. */
public record PlainPassword(String value) {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    public PlainPassword {
        if (value == null || value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            throw new InvalidCredentialFormat("password", "must be 8 to 128 characters");
        }
    }

    @Override
    public String toString() {
        return "PlainPassword[****]";
    }
}
