package io.shopcore.stock.application;

import io.shopcore.stock.application.port.in.PurgeIdempotencyKeysUseCase;
import io.shopcore.stock.application.port.out.IdempotencyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

@ApplicationScoped
public class PurgeIdempotencyKeysService implements PurgeIdempotencyKeysUseCase {

    private final IdempotencyStore idempotency;
    private final StockSettings settings;
    private final Clock clock;

    public PurgeIdempotencyKeysService(IdempotencyStore idempotency, StockSettings settings, Clock clock) {
        this.idempotency = idempotency;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int purgeBatch(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        return idempotency.purgeCreatedBefore(clock.instant().minus(settings.idempotencyRetention()), batchSize);
    }
}
