package io.shopcore.auth.adapter.in.scheduler;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shopcore.auth.application.port.in.PurgeRefreshTokensUseCase;
import io.shopcore.bootstrap.support.Concurrently;
import io.shopcore.bootstrap.support.TestUsers;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Housekeeping of refresh tokens against the real PostgreSQL: what is deleted, in bounded batches, safely in parallel. */
@QuarkusTest
class RefreshTokenPurgeTest {

    @Inject
    AgroalDataSource db;

    @Inject
    PurgeRefreshTokensUseCase purge;

    @Inject
    RefreshTokenPurgeJob job;

    /** A user with {@code sessions} fresh refresh tokens; returns the user's id. */
    private UUID userWithSessions(int sessions) throws Exception {
        String name = "purge-" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.register(name, TestUsers.PASSWORD);
        for (int i = 0; i < sessions; i++) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("username", name, "password", TestUsers.PASSWORD))
                    .post("/api/v1/auth/token")
                    .then()
                    .statusCode(200);
        }
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM auth.app_user WHERE username = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private List<UUID> tokenIds(UUID user) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT id FROM auth.refresh_token WHERE user_id = ? ORDER BY id")) {
            ps.setObject(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private void sql(String statement, Object... args) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private void drain() {
        while (purge.purgeBatch(1000) > 0) {
            // other tests' dead tokens
        }
    }

    @Test
    void givenRevokedExpiredSpentAndActiveTokens_purge_deletesOnlyRevokedAndExpired() throws Exception {
        UUID user = userWithSessions(4);
        List<UUID> ids = tokenIds(user);
        sql("UPDATE auth.refresh_token SET state = 'REVOKED' WHERE id = ?", ids.get(0));
        sql("UPDATE auth.refresh_token SET expires_at = now() - interval '1 minute' WHERE id = ?", ids.get(1));
        sql("UPDATE auth.refresh_token SET state = 'SPENT' WHERE id = ?", ids.get(2));

        job.runOnce();

        assertThat(tokenIds(user)).containsExactlyInAnyOrder(ids.get(2), ids.get(3));
    }

    @Test
    void givenMoreDeadTokensThanABatch_purgeBatch_deletesAtMostTheBatch() throws Exception {
        drain();
        UUID user = userWithSessions(5);
        sql("UPDATE auth.refresh_token SET state = 'REVOKED' WHERE user_id = ?", user);

        assertThat(purge.purgeBatch(2)).isEqualTo(2);
        assertThat(tokenIds(user)).hasSize(3);
        assertThat(purge.purgeBatch(2)).isEqualTo(2);
        assertThat(purge.purgeBatch(2)).isEqualTo(1);
        assertThat(tokenIds(user)).isEmpty();
    }

    @Test
    void givenARowLockedByAnotherTransaction_purgeBatch_skipsItInsteadOfWaiting() throws Exception {
        drain();
        UUID user = userWithSessions(3);
        List<UUID> ids = tokenIds(user);
        sql("UPDATE auth.refresh_token SET state = 'REVOKED' WHERE user_id = ?", user);
        try (Connection other = db.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock =
                    other.prepareStatement("SELECT id FROM auth.refresh_token WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, ids.get(0));
                lock.executeQuery().close();
            }
            // Another instance (or a refresh) holds this row: the purge takes the other two and does not block.
            assertThat(purge.purgeBatch(10)).isEqualTo(2);
            other.rollback();
        }
        assertThat(tokenIds(user)).containsExactly(ids.get(0));
        assertThat(purge.purgeBatch(10)).isEqualTo(1);
    }

    @Test
    void givenTwoInstancesPurgingAtOnce_purge_deletesEachDeadTokenOnceWithoutErrors() throws Exception {
        drain();
        UUID user = userWithSessions(12);
        sql("UPDATE auth.refresh_token SET state = 'REVOKED' WHERE user_id = ?", user);

        List<Integer> deleted = Concurrently.run(4, () -> {
            int total = 0;
            int n;
            while ((n = purge.purgeBatch(3)) > 0) {
                total += n;
            }
            return total;
        });

        assertThat(deleted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(12);
        assertThat(tokenIds(user)).isEmpty();
    }
}
