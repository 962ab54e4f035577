package io.shopcore.stock.application.port.in;

import java.util.Objects;

/** Who asks: the user's id (the token subject) and whether they are an admin (who sees everything). */
public record Caller(String userId, boolean admin) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
    }

    public boolean maySee(String ownerId) {
        return admin || userId.equals(ownerId);
    }
}
