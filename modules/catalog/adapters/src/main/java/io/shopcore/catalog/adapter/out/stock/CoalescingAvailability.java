package io.shopcore.catalog.adapter.out.stock;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Merges concurrent availability lookups into one query. A caller that finds fewer than
 * {@code maxConcurrent} queries running runs one itself, for its own ids and every id queued so far;
 * other callers queue and are answered by the next query, whose leader is the oldest waiting caller.
 * So every answer comes from a query that started after its caller asked (availability stays fresh),
 * a caller waits for at most the query running when it arrived plus its own, and the database sees
 * one statement per batch instead of one per request.
 */
final class CoalescingAvailability {

    private final Function<Collection<Long>, Map<Long, Integer>> query;
    private final int maxConcurrent;
    private final ArrayDeque<Request> pending = new ArrayDeque<>();
    private int running;

    CoalescingAvailability(Function<Collection<Long>, Map<Long, Integer>> query, int maxConcurrent) {
        this.query = query;
        this.maxConcurrent = Math.max(1, maxConcurrent);
    }

    Map<Long, Integer> availableFor(Collection<Long> ids) {
        Request me = new Request(ids);
        boolean lead;
        synchronized (this) {
            lead = running < maxConcurrent;
            if (lead) {
                running++;
            } else {
                pending.addLast(me);
            }
        }
        if (!lead) {
            switch (await(me.answer)) {
                case Answer.Answered answered -> {
                    return answered.availability();
                }
                case Answer.Lead handedOver -> {
                    // the previous leader handed its slot over: run the next query
                }
            }
        }
        return runBatch(me);
    }

    /** Callers waiting for a query to answer them (tests). */
    synchronized int queued() {
        return pending.size();
    }

    /** Runs one query for {@code me} and everything queued, answers the others, hands over the lead. */
    private Map<Long, Integer> runBatch(Request me) {
        List<Request> batch;
        synchronized (this) {
            batch = new ArrayList<>(pending.size() + 1);
            batch.add(me);
            batch.addAll(pending);
            pending.clear();
        }
        Map<Long, Integer> mine = null;
        RuntimeException failure = null;
        try {
            Set<Long> all = new LinkedHashSet<>();
            for (Request r : batch) {
                all.addAll(r.ids);
            }
            Map<Long, Integer> found = query.apply(all);
            for (Request r : batch) {
                Map<Long, Integer> part = new HashMap<>(r.ids.size() * 2);
                for (Long id : r.ids) {
                    Integer v = found.get(id);
                    if (v != null) {
                        part.put(id, v);
                    }
                }
                if (r == me) {
                    mine = part;
                } else {
                    r.answer.complete(new Answer.Answered(part));
                }
            }
        } catch (Throwable e) {
            failure = e instanceof RuntimeException re ? re : new IllegalStateException("availability query failed", e);
            for (Request r : batch) {
                if (r != me) {
                    r.answer.completeExceptionally(failure);
                }
            }
        } finally {
            Request next = null;
            synchronized (this) {
                if (pending.isEmpty()) {
                    running--;
                } else {
                    // Taken out of the queue under the lock, so no other leader can answer it instead.
                    next = pending.pollFirst();
                }
            }
            if (next != null) {
                next.answer.complete(
                        new Answer.Lead()); // the oldest waiter runs the next query; our 'running' slot passes to it
            }
        }
        if (failure != null) {
            throw failure;
        }
        return mine;
    }

    private static Answer await(CompletableFuture<Answer> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** What a queued caller is told: its availability, or that it leads the next query. */
    private sealed interface Answer {
        record Answered(Map<Long, Integer> availability) implements Answer {}

        record Lead() implements Answer {}
    }

    private static final class Request {
        final Collection<Long> ids;
        final CompletableFuture<Answer> answer = new CompletableFuture<>();

        Request(Collection<Long> ids) {
            this.ids = ids;
        }
    }
}
