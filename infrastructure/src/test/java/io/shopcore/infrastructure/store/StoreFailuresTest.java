package io.shopcore.infrastructure.store;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "08003", "53300", "57P01", "57014", "40001", "40P01", "55P03"})
    void givenAnOutageSqlState_classify_isUnavailable(String state) {
        assertThat(StoreFailures.isUnavailable(new SQLException("boom", state))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "22001", "42P01", "42703", "XX000"})
    void givenABugSqlState_classify_isNotUnavailable(String state) {
        assertThat(StoreFailures.isUnavailable(new SQLException("boom", state))).isFalse();
    }

    @Test
    void givenAgroalPoolTimeout_classify_isUnavailable() {
        assertThat(StoreFailures.isUnavailable(new SQLException("Sorry, acquisition timeout!")))
                .isTrue();
        assertThat(StoreFailures.isUnavailable(
                        new SQLException("Acquisition timeout while waiting for new connection")))
                .isTrue();
    }

    @Test
    void givenAgroalCreationFailureWrappingTheDriver_classify_isUnavailable() {
        // Agroal: new SQLException("Exception while creating new connection", executionException)
        SQLException driver = new SQLException("Connection to 127.0.0.1:5433 refused", "08001");
        SQLException agroal =
                new SQLException("Exception while creating new connection", new ExecutionException(driver));
        RuntimeException hibernateLike = new RuntimeException("Unable to acquire JDBC Connection", agroal);
        assertThat(StoreFailures.isUnavailable(new IllegalStateException("catalog query failed", hibernateLike)))
                .isTrue();
    }

    @Test
    void givenJdbcConnectionSubclass_classify_isUnavailable() {
        assertThat(StoreFailures.isUnavailable(new SQLTransientConnectionException("gone")))
                .isTrue();
    }

    @Test
    void givenAnUnavailableFailureOnlyInSuppressedOrNextExceptions_classify_findsIt() {
        RuntimeException outer = new RuntimeException("rollback failed");
        outer.addSuppressed(new SQLException("I/O error", "08006"));
        assertThat(StoreFailures.isUnavailable(outer)).isTrue();

        SQLException batch = new SQLException("batch entry 0 failed", "XX000");
        batch.setNextException(new SQLException("terminating connection", "57P01"));
        assertThat(StoreFailures.isUnavailable(batch)).isTrue();
    }

    @Test
    void givenCommitRollback_classify_isUnavailableUnlessABugCausedIt() {
        assertThat(StoreFailures.isUnavailable(new RollbackException("ARJUNA016053: Could not commit transaction.")))
                .isTrue();

        RollbackException constraint = new RollbackException("ARJUNA016053");
        constraint.initCause(new SQLException("duplicate key", "23505"));
        assertThat(StoreFailures.isUnavailable(constraint)).isFalse();
    }

    @Test
    void givenOrdinaryBugs_classify_isNotUnavailable() {
        assertThat(StoreFailures.isUnavailable(new NullPointerException())).isFalse();
        assertThat(StoreFailures.isUnavailable(new IllegalStateException("no user")))
                .isFalse();
        assertThat(StoreFailures.isUnavailable(new SQLException("no state"))).isFalse();
    }

    @Test
    void givenACycleInTheCauseChain_classify_terminates() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(StoreFailures.isUnavailable(a)).isFalse();
    }

    @Test
    void unavailable_keepsAnExistingStoreUnavailableException_andWrapsOthers() {
        StoreUnavailableException existing = new StoreUnavailableException("stock", "down", null);
        assertThat(StoreFailures.unavailable("catalog", new CompletionException(existing)))
                .containsSame(existing);

        SQLException sql = new SQLException("refused", "08001");
        assertThat(StoreFailures.unavailable("catalog", sql)).hasValueSatisfying(e -> {
            assertThat(e.store()).isEqualTo("catalog");
            assertThat(e).hasCause(sql);
            assertThat(e.retryAfter()).isEqualTo(StoreUnavailableException.DEFAULT_RETRY_AFTER);
        });
        assertThat(StoreFailures.unavailable("catalog", new IllegalArgumentException()))
                .isEmpty();
    }

    @Test
    void translate_givesIllegalStateForOtherSqlFailures() {
        RuntimeException t = StoreFailures.translate("catalog", "page query", new SQLException("syntax", "42601"));
        assertThat(t).isInstanceOf(IllegalStateException.class).hasMessageContaining("page query");
        assertThat(StoreFailures.translate("catalog", "page query", new SQLException("x", "08006")))
                .isInstanceOf(StoreUnavailableException.class);
    }
}
