package io.shopcore.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class ProdSafetyRulesTest {

    /** A prod configuration that passes every rule; each test spoils one setting. */
    private static Map<String, String> safe() {
        Map<String, String> c = new HashMap<>();
        c.put("mp.jwt.verify.publickey.location", "/etc/shopcore/jwt-public.pem");
        c.put("smallrye.jwt.sign.key.location", "/etc/shopcore/jwt-private.pem");
        c.put("shopcore.admin.password", "a long secret of our own");
        c.put("quarkus.http.cors.origins", "https://shop.example");
        c.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/shopcore?sslmode=require");
        c.put("quarkus.flyway.clean-disabled", "true");
        return c;
    }

    private static List<ProdSafetyRules.Violation> violations(Map<String, String> c) {
        return new ProdSafetyRules(k -> Optional.ofNullable(c.get(k))).violations();
    }

    private static List<String> keys(Map<String, String> c) {
        return violations(c).stream().map(ProdSafetyRules.Violation::key).toList();
    }

    @Test
    void givenSafeSettings_check_findsNothing() {
        assertThat(violations(safe())).isEmpty();
    }

    @Test
    void givenNoJwtKeys_check_namesBothKeys() {
        Map<String, String> c = safe();
        c.remove("mp.jwt.verify.publickey.location");
        c.remove("smallrye.jwt.sign.key.location");
        assertThat(keys(c)).containsExactly("mp.jwt.verify.publickey.location", "smallrye.jwt.sign.key.location");
        assertThat(violations(c).getFirst().toString())
                .contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION")
                .contains("public key");
    }

    @Test
    void givenInlineJwtKeys_check_acceptsThem() {
        Map<String, String> c = safe();
        c.remove("mp.jwt.verify.publickey.location");
        c.remove("smallrye.jwt.sign.key.location");
        c.put("mp.jwt.verify.publickey", "MIIB...");
        c.put("smallrye.jwt.sign.key", "MIIE...");
        assertThat(violations(c)).isEmpty();
    }

    @Test
    void givenDevOrTestAdminPassword_check_refuses() {
        for (String pw : List.of("admin-dev-password", "admin-test-password")) {
            Map<String, String> c = safe();
            c.put("shopcore.admin.password", pw);
            assertThat(violations(c)).singleElement().satisfies(v -> {
                assertThat(v.key()).isEqualTo("shopcore.admin.password");
                assertThat(v.toString()).contains("SHOPCORE_ADMIN_PASSWORD").contains("set a long secret");
            });
        }
    }

    @Test
    void givenNoAdminPassword_check_accepts() {
        Map<String, String> c = safe();
        c.remove("shopcore.admin.password");
        assertThat(violations(c)).isEmpty();
    }

    @Test
    void givenWildcardCorsOrigin_check_refuses() {
        for (String origins : List.of("*", "/.*/", "https://shop.example, *")) {
            Map<String, String> c = safe();
            c.put("quarkus.http.cors.origins", origins);
            assertThat(keys(c)).as(origins).containsExactly("quarkus.http.cors.origins");
        }
    }

    @Test
    void givenTestDatabase_check_refuses() {
        for (String url :
                List.of("jdbc:postgresql://127.0.0.1:5432/shopcore_test", "jdbc:postgresql://db/TestShop?ssl=true")) {
            Map<String, String> c = safe();
            c.put("quarkus.datasource.jdbc.url", url);
            assertThat(violations(c))
                    .as(url)
                    .singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("test database"));
        }
    }

    @Test
    void givenTestOnlyInHostName_check_accepts() {
        Map<String, String> c = safe();
        c.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://test-db.internal:5432/shopcore");
        assertThat(violations(c)).isEmpty();
    }

    @Test
    void givenFlywayCleanAtStart_check_refuses() {
        Map<String, String> c = safe();
        c.put("quarkus.flyway.clean-at-start", "true");
        assertThat(keys(c)).containsExactly("quarkus.flyway.clean-at-start");
    }

    @Test
    void givenFlywayCleanEnabled_check_refuses() {
        Map<String, String> c = safe();
        c.put("quarkus.flyway.clean-disabled", "false");
        assertThat(keys(c)).containsExactly("quarkus.flyway.clean-disabled");
    }

    @Test
    void databaseName_isThePathOfTheUrl() {
        assertThat(ProdSafetyRules.databaseName("jdbc:postgresql://h:5432/shop?x=1"))
                .isEqualTo("shop");
        assertThat(ProdSafetyRules.databaseName("jdbc:postgresql://h/shop")).isEqualTo("shop");
    }

    @Test
    void givenUnsafeConfig_startupCheck_throwsNamingEverySetting() {
        Map<String, String> c = safe();
        c.put("shopcore.admin.password", "admin-dev-password");
        c.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/shopcore_test");
        Config config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(c, "test", 500))
                .build();
        assertThatThrownBy(() -> ProdSafetyCheck.check(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Refusing to start with unsafe production settings")
                .hasMessageContaining("shopcore.admin.password (SHOPCORE_ADMIN_PASSWORD)")
                .hasMessageContaining("quarkus.datasource.jdbc.url (QUARKUS_DATASOURCE_JDBC_URL)");
    }

    @Test
    void givenSafeConfig_startupCheck_passes() {
        Config config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(safe(), "test", 500))
                .build();
        ProdSafetyCheck.check(config);
    }

    @Test
    void givenCheckSwitchedOff_startupCheck_passesAnything() {
        Map<String, String> c = new HashMap<>();
        c.put("shopcore.prod-safety.enabled", "false");
        Config config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(c, "test", 500))
                .build();
        ProdSafetyCheck.check(config);
    }
}
