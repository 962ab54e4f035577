package io.shopcore.auth.domain;

import java.util.Objects;
import java.util.UUID;

/** A user's identity, made in the domain. It is the JWT {@code sub}. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    public static UserId parse(String raw) {
        return new UserId(UUID.fromString(raw));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
