package io.shopcore.stock.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.infrastructure.store.StoreUnavailableException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which database failures mean "the store is unavailable" (503, retry) and which are bugs. */
class JdbcFailureTest {

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08001", "57P01", "57014", "53300", "40001", "40P01"})
    void givenUnavailableStates_failure_isStoreUnavailable_namingTheStockStore(String state) {
        SQLException cause = new SQLException("boom", state);
        RuntimeException e = Jdbc.failure("read stock level", cause);
        assertThat(e).isInstanceOf(StoreUnavailableException.class).hasCause(cause);
        assertThat(((StoreUnavailableException) e).store()).isEqualTo("stock");
        assertThat(((StoreUnavailableException) e).retryAfter()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23514", "42P01", "22003"})
    void givenOtherStates_failure_isABug(String state) {
        SQLException cause = new SQLException("boom", state);
        assertThat(Jdbc.failure("write", cause))
                .isInstanceOf(IllegalStateException.class)
                .hasCause(cause);
    }

    @Test
    void givenNoState_failure_isStoreUnavailable() {
        assertThat(Jdbc.failure("connect", new SQLException("no state"))).isInstanceOf(StoreUnavailableException.class);
    }
}
