package io.shopcore.stock;

import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.stock.adapter.out.persistence.BatchingJdbcReservationStrategy;
import io.shopcore.stock.application.port.out.ReservationStrategy;

/** The default profile: batched. */
@QuarkusTest
class BatchedStrategyHttpTest extends StrategyHttpContract {

    @Override
    Class<? extends ReservationStrategy> expectedStrategy() {
        return BatchingJdbcReservationStrategy.class;
    }
}
