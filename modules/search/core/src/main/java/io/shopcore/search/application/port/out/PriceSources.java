package io.shopcore.search.application.port.out;

import java.util.List;

/** The external price sources enabled by configuration, in a stable order. */
public interface PriceSources {

    List<PriceSource> enabled();
}
