package io.shopcore.stock.application.port.out;

import io.shopcore.stock.application.Page;
import io.shopcore.stock.domain.LedgerEntry;
import java.util.List;

/** The append-only ledger of stock changes. */
public interface LedgerRepository {

    /** Appends the entries in order (their {@code id} is ignored; the store numbers them). */
    void append(List<LedgerEntry> entries);

    /** Newest first. */
    Page<LedgerEntry> page(long productId, long offset, int limit);
}
