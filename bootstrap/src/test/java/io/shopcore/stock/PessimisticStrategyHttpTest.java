package io.shopcore.stock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.shopcore.stock.adapter.out.persistence.PessimisticJdbcReservationStrategy;
import io.shopcore.stock.application.port.out.ReservationStrategy;
import java.util.Map;

@QuarkusTest
@TestProfile(PessimisticStrategyHttpTest.Pessimistic.class)
class PessimisticStrategyHttpTest extends StrategyHttpContract {

    public static class Pessimistic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shopcore.stock.reservation-strategy", "pessimistic");
        }
    }

    @Override
    Class<? extends ReservationStrategy> expectedStrategy() {
        return PessimisticJdbcReservationStrategy.class;
    }
}
