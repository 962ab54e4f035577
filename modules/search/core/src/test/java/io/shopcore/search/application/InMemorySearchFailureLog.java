package io.shopcore.search.application;

import io.shopcore.search.application.port.out.SearchFailureLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every record, in order. */
public class InMemorySearchFailureLog implements SearchFailureLog {

    public final List<SearchFailure> records = new CopyOnWriteArrayList<>();

    @Override
    public void record(SearchFailure failure) {
        records.add(failure);
    }

    /** "path/reason/source" of every record, for compact assertions. */
    public List<String> summary() {
        return records.stream()
                .map(r -> r.path() + "/" + r.reason() + "/" + r.source())
                .toList();
    }
}
