package io.shopcore.stock.testing;

import io.shopcore.stock.application.Page;
import io.shopcore.stock.application.port.out.LedgerRepository;
import io.shopcore.stock.domain.LedgerEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The ledger as a list; entries are numbered 1, 2, 3... as they are appended. */
public class InMemoryLedgerRepository implements LedgerRepository {

    private final List<LedgerEntry> entries = new ArrayList<>();

    @Override
    public synchronized void append(List<LedgerEntry> toAppend) {
        for (LedgerEntry e : toAppend) {
            entries.add(LedgerEntry.reconstitute(
                    entries.size() + 1L,
                    e.productId(),
                    e.type(),
                    e.quantity(),
                    e.reservationId(),
                    e.reason(),
                    e.createdAt()));
        }
    }

    @Override
    public synchronized Page<LedgerEntry> page(long productId, long offset, int limit) {
        List<LedgerEntry> mine = entries.stream()
                .filter(e -> e.productId() == productId)
                .sorted(Comparator.comparingLong(LedgerEntry::id).reversed())
                .toList();
        return new Page<>(mine.stream().skip(offset).limit(limit).toList(), mine.size());
    }

    /** Every entry of {@code productId}, oldest first (for assertions). */
    public synchronized List<LedgerEntry> of(long productId) {
        return entries.stream().filter(e -> e.productId() == productId).toList();
    }
}
