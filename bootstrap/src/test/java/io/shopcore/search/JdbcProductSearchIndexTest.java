package io.shopcore.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.search.application.ProductSearchIndexContract;
import io.shopcore.search.application.port.in.RebuildSearchIndexUseCase;
import io.shopcore.search.application.port.out.ProductSearchIndex;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The index contract against the PostgreSQL adapter (real database, real extensions and locale). */
@QuarkusTest
class JdbcProductSearchIndexTest extends ProductSearchIndexContract {

    @Inject
    ProductSearchIndex index;

    @Inject
    RebuildSearchIndexUseCase rebuild;

    @Override
    protected ProductSearchIndex index() {
        return index;
    }

    @Override
    protected void inTransaction(Runnable work) {
        QuarkusTransaction.requiringNew().run(work);
    }

    /** The contract writes made-up products: put the projection back in step with the catalog for other tests. */
    @AfterEach
    void restoreProjection() {
        rebuild.rebuild();
    }

    @Test
    void givenThisDatabase_trigrams_keepKorean() {
        assertThat(index.trigramsKeepHangul()).isTrue();
    }
}
