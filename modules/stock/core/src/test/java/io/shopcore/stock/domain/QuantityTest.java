package io.shopcore.stock.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 999, 1000})
    void givenValueInRange_create_keepsIt(int v) {
        assertThat(Quantity.of(v).value()).isEqualTo(v);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 1001, Integer.MAX_VALUE})
    void givenValueOutOfRange_create_throws(int v) {
        assertThatThrownBy(() -> Quantity.of(v)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalValues_areEqual() {
        assertThat(Quantity.of(5)).isEqualTo(Quantity.of(5));
    }
}
