package io.shopcore.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
        RefreshToken token = RefreshToken.reconstitute(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), user, "h",
                NOW.plusSeconds(60), RefreshToken.State.REVOKED);
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
}
