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
            // A synchronous strategy holds a pooled connection per waiting request, and 200 clients on one
            // row queue for the pool longer than its 5 s production wait on a slow machine: the answer is
            // then a correct 503 (nothing written), but these tests are about correctness under
            // contention, so the pool wait, the wait for a blocking thread and the statement timeout are long
            // enough that every request gets its turn (ReservationBackPressureTest and
            // SlowDatabaseReservationTest prove the 503s).
            return Map.of(
                    "shopcore.stock.blocking.max-queue-time", "60s",
                    "shopcore.stock.statement-timeout", "25s",
                    "shopcore.stock.reservation-strategy", "atomic",
                    "quarkus.datasource.jdbc.acquisition-timeout", "60s");
        }
    }

    @Override
    Class<? extends ReservationStrategy> expectedStrategy() {
        return AtomicJdbcReservationStrategy.class;
    }
}
