package io.shopcore.bootstrap.localservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Flyway clean-at-start only ever runs against a database whose name says it is a test database. */
class TestDatabaseGuardTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:postgresql://127.0.0.1:5432/shopcore",
                "jdbc:postgresql://db.internal/shop_prod?sslmode=require",
                "jdbc:postgresql://127.0.0.1:5432/",
                "jdbc:postgresql://testhost:5432/shopcore",
                "jdbc:postgresql://127.0.0.1:5432/shopcore?currentSchema=test",
                "not a jdbc url"
            })
    void givenCleanAtStartAndANonTestDatabase_check_refusesToStart(String url) {
        assertThatThrownBy(() -> TestDatabaseGuard.check(true, url))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("clean-at-start")
                .hasMessageContaining("test");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:postgresql://127.0.0.1:5432/shopcore_test",
                "jdbc:postgresql://127.0.0.1:41234/shopcore_test?loggerLevel=OFF",
                "jdbc:postgresql://localhost/TEST_shop",
                "jdbc:postgresql:shopcore_test"
            })
    void givenCleanAtStartAndATestDatabase_check_allowsIt(String url) {
        assertThatCode(() -> TestDatabaseGuard.check(true, url)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://127.0.0.1:5432/shopcore", "jdbc:postgresql://db.internal/shop_prod"})
    void givenCleanAtStartOff_check_allowsAnyDatabase(String url) {
        assertThatCode(() -> TestDatabaseGuard.check(false, url)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({
        "jdbc:postgresql://127.0.0.1:5432/shopcore_test, shopcore_test",
        "jdbc:postgresql://h:1/db?x=/test, db",
        "jdbc:postgresql:local_db, local_db"
    })
    void givenAUrl_databaseName_isThePathsLastSegmentWithoutParameters(String url, String name) {
        assertThat(TestDatabaseGuard.databaseName(url)).isEqualTo(name);
    }
}
