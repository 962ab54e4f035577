package io.shopcore.auth.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.auth.application.port.out.RefreshTokenRepository;
import io.shopcore.auth.application.port.out.UserRepository;
import io.shopcore.auth.domain.RefreshToken;
import io.shopcore.auth.domain.RefreshToken.State;
import io.shopcore.auth.domain.User;
import io.shopcore.auth.domain.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RefreshTokenRepository} does; run against {@link InMemoryRefreshTokenRepository}
 * and the JPA adapter.
 */
public abstract class RefreshTokenRepositoryContract extends AuthStoreSupport {

    private static final Instant EXPIRES = Instant.parse("2026-03-15T10:15:30.654321Z");

    protected abstract RefreshTokenRepository tokens();

    /** Tokens belong to users; the store of those. */
    protected abstract UserRepository users();

    private UserId owner;

    @BeforeEach
    void createOwner() {
        User user = aCustomer(uniqueUsername("owner"));
        inTransaction(() -> users().addIfUsernameFree(user));
        owner = user.id();
    }

    private static String uniqueHash() {
        return "hash-" + UUID.randomUUID();
    }

    private RefreshToken stored(RefreshToken token) {
        inTransaction(() -> tokens().add(token));
        return token;
    }

    private State stateOf(RefreshToken token) {
        return inTransaction(() -> tokens().findByHashForUpdate(token.tokenHash()))
                .orElseThrow()
                .state();
    }

    @Test
    void givenAnAddedToken_findByHash_rebuildsItExactly() {
        RefreshToken token = stored(RefreshToken.startFamily(owner, uniqueHash(), EXPIRES));

        RefreshToken found = inTransaction(() -> tokens().findByHashForUpdate(token.tokenHash()))
                .orElseThrow();

        assertThat(found.id()).isEqualTo(token.id());
        assertThat(found.familyId()).isEqualTo(token.familyId());
        assertThat(found.userId()).isEqualTo(owner);
        assertThat(found.tokenHash()).isEqualTo(token.tokenHash());
        assertThat(found.expiresAt()).isEqualTo(EXPIRES);
        assertThat(found.state()).isEqualTo(State.ACTIVE);
    }

    @Test
    void givenAnUnknownHash_findByHash_isEmpty() {
        assertThat(inTransaction(() -> tokens().findByHashForUpdate(uniqueHash())))
                .isEmpty();
    }

    @Test
    void givenAUsedToken_updateState_storesItSpent() {
        RefreshToken token = stored(RefreshToken.startFamily(owner, uniqueHash(), EXPIRES));

        inTransaction(() -> {
            RefreshToken loaded =
                    tokens().findByHashForUpdate(token.tokenHash()).orElseThrow();
            assertThat(loaded.use(T0)).isEqualTo(RefreshToken.Use.ACCEPTED);
            tokens().updateState(loaded);
        });

        assertThat(stateOf(token)).isEqualTo(State.SPENT);
    }

    @Test
    void givenAUsedTokenNotUpdated_findByHash_stillSeesItActive() {
        RefreshToken token = stored(RefreshToken.startFamily(owner, uniqueHash(), EXPIRES));

        inTransaction(() ->
                tokens().findByHashForUpdate(token.tokenHash()).orElseThrow().use(T0));

        assertThat(stateOf(token)).isEqualTo(State.ACTIVE);
    }

    @Test
    void givenAFamilyOfSpentAndActiveTokens_revokeFamily_revokesEveryOneAndCountsThem() {
        RefreshToken first = stored(RefreshToken.startFamily(owner, uniqueHash(), EXPIRES));
        inTransaction(() -> {
            RefreshToken loaded =
                    tokens().findByHashForUpdate(first.tokenHash()).orElseThrow();
            loaded.use(T0);
            tokens().updateState(loaded);
        });
        RefreshToken second = stored(first.successor(uniqueHash(), EXPIRES));
        RefreshToken otherFamily = stored(RefreshToken.startFamily(owner, uniqueHash(), EXPIRES));

        assertThat(inTransaction(() -> tokens().revokeFamily(first.familyId()))).isEqualTo(2);

        assertThat(stateOf(first)).isEqualTo(State.REVOKED);
        assertThat(stateOf(second)).isEqualTo(State.REVOKED);
        assertThat(stateOf(otherFamily)).isEqualTo(State.ACTIVE);
        assertThat(inTransaction(() -> tokens().revokeFamily(first.familyId())))
                .as("already revoked")
                .isZero();
        assertThat(inTransaction(() -> tokens().revokeFamily(UUID.randomUUID())))
                .as("unknown family")
                .isZero();
    }
}
