package io.shopcore.bootstrap.localservices;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

/** jqwik properties of the clean-at-start guard (run by jqwik's engine on the JUnit platform, next to Jupiter). */
class TestDatabaseGuardPropertiesTest {

    @Property(tries = 200, seed = "20261129")
    void anyDatabaseNameWithoutTestIsRefused(
            @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 30) String name,
            @ForAll @AlphaChars @StringLength(min = 1, max = 20) String host) {
        String url = "jdbc:postgresql://" + host + ":5432/" + name + "?sslmode=disable";
        if (name.toLowerCase(java.util.Locale.ROOT).contains("test")) {
            assertThatCode(() -> TestDatabaseGuard.check(true, url)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> TestDatabaseGuard.check(true, url)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Property(tries = 100, seed = "20261129")
    void anyDatabaseNameContainingTestIsAllowed(
            @ForAll @AlphaChars @StringLength(max = 10) String prefix,
            @ForAll @AlphaChars @StringLength(max = 10) String suffix) {
        String url = "jdbc:postgresql://127.0.0.1:5432/" + prefix + "_test_" + suffix;
        assertThatCode(() -> TestDatabaseGuard.check(true, url)).doesNotThrowAnyException();
    }
}
