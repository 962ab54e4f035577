package io.shopcore.search.adapter.out.pricesource;

import io.shopcore.search.domain.PriceOffer;
import java.util.List;

/** One attempt to ask a source; failures are {@link SourceCallException}s. */
interface SourceClient extends AutoCloseable {

    List<PriceOffer> fetch(String text);

    @Override
    void close();
}
