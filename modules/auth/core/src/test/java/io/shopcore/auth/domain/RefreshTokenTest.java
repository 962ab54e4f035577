package io.shopcore.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final UserId user = UserId.random();

    @Test
    void givenActiveToken_use_acceptsOnceThenReportsReuse() {
        RefreshToken token = RefreshToken.startFamily(user, "h1", NOW.plusSeconds(60));
        assertThat(token.use(NOW)).isEqualTo(RefreshToken.Use.ACCEPTED);
        assertThat(token.state()).isEqualTo(RefreshToken.State.SPENT);
        assertThat(token.use(NOW)).isEqualTo(RefreshToken.Use.REUSED);
    }

    @Test
    void givenExpiredToken_use_isExpiredAndStaysActive() {
        RefreshToken token = RefreshToken.startFamily(user, "h1", NOW);
        assertThat(token.use(NOW)).isEqualTo(RefreshToken.Use.EXPIRED);
        assertThat(token.state()).isEqualTo(RefreshToken.State.ACTIVE);
    }

    @Test
    void givenRevokedToken_use_isReuse() {
        RefreshToken token = RefreshToken.reconstitute(
                UUID.randomUUID(), UUID.randomUUID(), user, "h", NOW.plusSeconds(60), RefreshToken.State.REVOKED);
        assertThat(token.use(NOW)).isEqualTo(RefreshToken.Use.REUSED);
    }

    @Test
    void givenToken_successor_staysInTheFamilyWithANewId() {
        RefreshToken first = RefreshToken.startFamily(user, "h1", NOW.plusSeconds(60));
        RefreshToken next = first.successor("h2", NOW.plusSeconds(120));
        assertThat(next.familyId()).isEqualTo(first.familyId());
        assertThat(next.id()).isNotEqualTo(first.id());
        assertThat(next.state()).isEqualTo(RefreshToken.State.ACTIVE);
        assertThat(next.userId()).isEqualTo(user);
    }

    @Test
    void givenATokenOneNanosecondBeforeExpiry_use_acceptsIt() {
        RefreshToken token = RefreshToken.startFamily(user, "h1", NOW.plusNanos(1));
        assertThat(token.use(NOW)).isEqualTo(RefreshToken.Use.ACCEPTED);
    }

    @Test
    void givenAStoredToken_reconstitute_keepsEveryField() {
        UUID id = UUID.randomUUID();
        UUID family = UUID.randomUUID();
        RefreshToken token = RefreshToken.reconstitute(id, family, user, "h", NOW, RefreshToken.State.SPENT);
        assertThat(token.id()).isEqualTo(id);
        assertThat(token.familyId()).isEqualTo(family);
        assertThat(token.tokenHash()).isEqualTo("h");
        assertThat(token.expiresAt()).isEqualTo(NOW);
        assertThat(token.state()).isEqualTo(RefreshToken.State.SPENT);
    }

    @Test
    void givenANewFamily_startFamily_makesFreshIdsAndKeepsHashAndExpiry() {
        RefreshToken a = RefreshToken.startFamily(user, "h1", NOW);
        RefreshToken b = RefreshToken.startFamily(user, "h2", NOW);
        assertThat(a.familyId()).isNotEqualTo(b.familyId()).isNotEqualTo(a.id());
        assertThat(a.tokenHash()).isEqualTo("h1");
        assertThat(a.expiresAt()).isEqualTo(NOW);
        assertThat(a.successor("h3", NOW.plusSeconds(5)).expiresAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(a.successor("h3", NOW).tokenHash()).isEqualTo("h3");
    }
}
