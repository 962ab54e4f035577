package io.shopcore.stock.application.port.in;

import java.util.List;

/** One page of a list and the size of the whole list. */
public record Page<T>(List<T> items, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
