package io.shopcore.auth.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One link of a refresh-token family. Only the token's hash is kept. A token is single use: using it
 * marks it spent and issues the next link of the same family; presenting a spent (or revoked) token
 * again means it leaked, so the whole family is revoked.
 */
public final class RefreshToken {

    public enum State {
        ACTIVE,
        SPENT,
        REVOKED
    }

    private final UUID id;
    private final UUID familyId;
    private final UserId userId;
    private final String tokenHash;
    private final Instant expiresAt;
    private State state;

    private RefreshToken(UUID id, UUID familyId, UserId userId, String tokenHash, Instant expiresAt, State state) {
        this.id = Objects.requireNonNull(id);
        this.familyId = Objects.requireNonNull(familyId);
        this.userId = Objects.requireNonNull(userId);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.expiresAt = Objects.requireNonNull(expiresAt);
        this.state = Objects.requireNonNull(state);
    }

    public static RefreshToken startFamily(UserId userId, String tokenHash, Instant expiresAt) {
        return new RefreshToken(UUID.randomUUID(), UUID.randomUUID(), userId, tokenHash, expiresAt, State.ACTIVE);
    }

    public static RefreshToken reconstitute(
            UUID id, UUID familyId, UserId userId, String tokenHash, Instant expiresAt, State state) {
        return new RefreshToken(id, familyId, userId, tokenHash, expiresAt, state);
    }

    /** What presenting this token at {@code now} means. */
    public Use use(Instant now) {
        return switch (state) {
            case SPENT, REVOKED -> Use.REUSED;
            case ACTIVE -> {
                if (!now.isBefore(expiresAt)) {
                    yield Use.EXPIRED;
                }
                state = State.SPENT;
                yield Use.ACCEPTED;
            }
        };
    }

    /** The next link of this family, to hand out in exchange for this one. */
    public RefreshToken successor(String tokenHash, Instant expiresAt) {
        return new RefreshToken(UUID.randomUUID(), familyId, userId, tokenHash, expiresAt, State.ACTIVE);
    }

    public enum Use {
        ACCEPTED,
        EXPIRED,
        REUSED
    }

    public UUID id() {
        return id;
    }

    public UUID familyId() {
        return familyId;
    }

    public UserId userId() {
        return userId;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public State state() {
        return state;
    }
}
