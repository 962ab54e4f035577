package io.shopcore.stock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.shopcore.stock.adapter.out.persistence.AtomicJdbcReservationStrategy;
import io.shopcore.stock.application.port.out.ReservationStrategy;
import java.util.Map;

@QuarkusTest
@TestProfile(AtomicStrategyHttpTest.Atomic.class)
class AtomicStrategyHttpTest extends StrategyHttpContract {

    public static class Atomic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shopcore.stock.reservation-strategy", "atomic");
        }
    }

    @Override
    Class<? extends ReservationStrategy> expectedStrategy() {
        return AtomicJdbcReservationStrategy.class;
    }
}
