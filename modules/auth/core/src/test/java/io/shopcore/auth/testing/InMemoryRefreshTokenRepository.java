package io.shopcore.auth.testing;

import io.shopcore.auth.application.port.out.RefreshTokenRepository;
import io.shopcore.auth.domain.RefreshToken;
import io.shopcore.auth.domain.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * {@link RefreshTokenRepository} in a map. It keeps copies, so a token's new state is stored only by
 * {@link #updateState}. It takes no lock: the row lock that makes one of two concurrent uses win is the
 * database's, tested against the JPA adapter. Kept honest by {@link RefreshTokenRepositoryContract}.
 */
public final class InMemoryRefreshTokenRepository implements RefreshTokenRepository {

    private final Map<UUID, RefreshToken> rows = new LinkedHashMap<>();

    @Override
    public synchronized void add(RefreshToken token) {
        boolean hashTaken = rows.values().stream().anyMatch(t -> t.tokenHash().equals(token.tokenHash()));
        if (hashTaken || rows.containsKey(token.id())) {
            throw new IllegalStateException("duplicate refresh token");
        }
        rows.put(token.id(), copy(token, token.state()));
    }

    @Override
    public synchronized Optional<RefreshToken> findByHashForUpdate(String tokenHash) {
        return rows.values().stream()
                .filter(t -> t.tokenHash().equals(tokenHash))
                .findFirst()
                .map(t -> copy(t, t.state()));
    }

    @Override
    public synchronized void updateState(RefreshToken token) {
        RefreshToken stored = rows.get(token.id());
        if (stored != null) {
            rows.put(token.id(), copy(stored, token.state()));
        }
    }

    @Override
    public synchronized int revokeFamily(UUID familyId) {
        return revokeWhere(t -> t.familyId().equals(familyId));
    }

    @Override
    public synchronized int revokeAllOf(UserId userId) {
        return revokeWhere(t -> t.userId().equals(userId));
    }

    @Override
    public synchronized int deleteUnusable(Instant now, int limit) {
        List<UUID> doomed = rows.values().stream()
                .filter(t -> t.state() == RefreshToken.State.REVOKED
                        || !t.expiresAt().isAfter(now))
                .limit(limit)
                .map(RefreshToken::id)
                .toList();
        doomed.forEach(rows::remove);
        return doomed.size();
    }

    private int revokeWhere(Predicate<RefreshToken> which) {
        int changed = 0;
        for (RefreshToken t : List.copyOf(rows.values())) {
            if (which.test(t) && t.state() != RefreshToken.State.REVOKED) {
                rows.put(t.id(), copy(t, RefreshToken.State.REVOKED));
                changed++;
            }
        }
        return changed;
    }

    /** Every stored token, in insertion order (copies). */
    public synchronized List<RefreshToken> all() {
        return rows.values().stream().map(t -> copy(t, t.state())).toList();
    }

    /** The tokens of one family, in insertion order (copies). */
    /** The tokens of one user (copies). */
    public synchronized List<RefreshToken> of(UserId userId) {
        return all().stream().filter(t -> t.userId().equals(userId)).toList();
    }

    public synchronized List<RefreshToken> family(UUID familyId) {
        return all().stream().filter(t -> t.familyId().equals(familyId)).toList();
    }

    private static RefreshToken copy(RefreshToken t, RefreshToken.State state) {
        return RefreshToken.reconstitute(t.id(), t.familyId(), t.userId(), t.tokenHash(), t.expiresAt(), state);
    }
}
