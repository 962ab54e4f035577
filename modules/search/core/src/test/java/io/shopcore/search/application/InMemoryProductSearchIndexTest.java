package io.shopcore.search.application;

import io.shopcore.search.application.port.out.ProductSearchIndex;

class InMemoryProductSearchIndexTest extends ProductSearchIndexContract {

    private final InMemoryProductSearchIndex index = new InMemoryProductSearchIndex();

    @Override
    protected ProductSearchIndex index() {
        return index;
    }

    @Override
    protected void inTransaction(Runnable work) {
        work.run();
    }
}
