package io.shopcore.stock.application;

import java.util.List;

/**
 * One page of a list and the size of the whole list. Lives in {@code application} (not in a port
 * package) because both the inbound queries and the outbound repositories speak it.
 */
public record Page<T>(List<T> items, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
