package io.shopcore.auth.domain;

import java.util.Locale;

/** What a user may do. On the wire and in the JWT {@code groups} claim: {@code customer}, {@code admin}. */
public enum Role {
    CUSTOMER,
    ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
