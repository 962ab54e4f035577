package io.shopcore.stock.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopcore.stock.application.port.out.StockLevelRepository;
import io.shopcore.stock.domain.StockLevel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StockLevelRepository} does outside a transaction's locking concerns (the locks
 * themselves are exercised by the concurrency tests against PostgreSQL).
 */
public abstract class StockLevelRepositoryContract {

    protected abstract StockLevelRepository repository();

    /** A product id no other test uses. */
    protected abstract long newProductId();

    @Test
    public void givenNewLevel_create_storesItOnce() {
        long id = newProductId();
        assertThat(repository().create(StockLevel.initial(id, 10))).isTrue();
        assertThat(repository().create(StockLevel.initial(id, 99))).isFalse();
        assertThat(repository().find(id)).contains(new StockLevel(id, 10, 0));
        assertThat(repository().lock(id)).contains(new StockLevel(id, 10, 0));
        assertThat(repository().exists(id)).isTrue();
        long unknown = newProductId();
        assertThat(repository().find(unknown)).isEmpty();
        assertThat(repository().lock(unknown)).isEmpty();
        assertThat(repository().exists(unknown)).isFalse();
    }

    @Test
    public void givenRetiredProduct_reads_doNotSeeIt_butItStillExists() {
        long id = newProductId();
        repository().create(StockLevel.initial(id, 5));
        assertThat(repository().retire(id)).isTrue();
        assertThat(repository().find(id)).isEmpty();
        assertThat(repository().lock(id)).isEmpty();
        assertThat(repository().availableFor(List.of(id))).isEmpty();
        assertThat(repository().exists(id)).isTrue();
        assertThat(repository().retire(newProductId())).isFalse();
    }

    @Test
    public void givenLevels_availableFor_answersKnownActiveProductsOnly() {
        long a = newProductId();
        long b = newProductId();
        repository().create(StockLevel.initial(a, 10));
        repository().create(StockLevel.initial(b, 4));
        repository().applyDelta(a, 0, 3);
        assertThat(repository().availableFor(List.of(a, b, newProductId()))).isEqualTo(Map.of(a, 7, b, 4));
    }

    @Test
    public void givenLevel_updateAndDeltas_changeTotalAndReserved() {
        long id = newProductId();
        repository().create(StockLevel.initial(id, 10));
        repository().update(new StockLevel(id, 12, 5));
        assertThat(repository().find(id)).contains(new StockLevel(id, 12, 5));
        repository().applyDelta(id, -2, -2);
        assertThat(repository().find(id)).contains(new StockLevel(id, 10, 3));
        repository().releaseReserved(Map.of(id, 3));
        assertThat(repository().find(id)).contains(new StockLevel(id, 10, 0));
        repository().releaseReserved(Map.of());
        assertThat(repository().find(id)).contains(new StockLevel(id, 10, 0));
    }

    @Test
    public void givenUnknownProduct_writes_fail() {
        long unknown = newProductId();
        assertThatThrownBy(() -> repository().applyDelta(unknown, 1, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> repository().update(new StockLevel(unknown, 1, 0)))
                .isInstanceOf(IllegalStateException.class);
    }
}
