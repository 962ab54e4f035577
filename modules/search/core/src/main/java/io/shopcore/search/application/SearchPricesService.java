package io.shopcore.search.application;

import io.shopcore.search.application.port.in.SearchPricesUseCase;
import io.shopcore.search.application.port.in.SearchProductsUseCase;
import io.shopcore.search.application.port.in.SearchProductsUseCase.Hit;
import io.shopcore.search.application.port.out.PriceCache;
import io.shopcore.search.application.port.out.PriceSource;
import io.shopcore.search.application.port.out.PriceSources;
import io.shopcore.search.application.port.out.SearchFailureLog;
import io.shopcore.search.application.port.out.SearchFailureLog.SearchFailure;
import io.shopcore.search.domain.PriceOffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Cache, then the own catalog, then the external sources: the first path with offers answers.
 *
 * <p>Like the origin system, the slow path runs only when the fast path finds nothing (or fails): an
 * own-catalog answer is what the shop sells, it costs milliseconds, and asking external sources on every
 * search would make every search as slow and as fragile as the slowest source.
 *
 * <p>Sources run in parallel, each on its own virtual thread, under one deadline counted from the start of
 * the search; a source still running then is interrupted and its answer is not waited for (partial
 * results). No transaction: the fast path reads committed data like any product search.
 */
@ApplicationScoped
public class SearchPricesService implements SearchPricesUseCase {

    private static final System.Logger LOG = System.getLogger(SearchPricesService.class.getName());

    static final String FAST = "fast";
    static final String SLOW = "slow";
    static final String NONE = "none";

    private final PriceCache cache;
    private final SearchProductsUseCase products;
    private final PriceSources sources;
    private final SearchFailureLog failures;
    private final PriceSearchSettings settings;
    private final Clock clock;
    private static final long WARN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(60);
    private final java.util.concurrent.atomic.AtomicLong lastFastWarning =
            new java.util.concurrent.atomic.AtomicLong(System.nanoTime() - WARN_INTERVAL_NANOS);
    /** Source calls block on I/O: one virtual thread each, nothing pooled to exhaust. */
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public SearchPricesService(
            PriceCache cache,
            SearchProductsUseCase products,
            PriceSources sources,
            SearchFailureLog failures,
            PriceSearchSettings settings,
            Clock clock) {
        this.cache = cache;
        this.products = products;
        this.sources = sources;
        this.failures = failures;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Result search(Query query) {
        long start = System.nanoTime();
        String key = query.normalized();
        PriceCache.Lookup lookup = cache.lookup(key);
        Optional<List<PriceOffer>> cached = lookup.cached();
        if (cached.isPresent() && !cached.get().isEmpty()) {
            return found(query, cached.get(), Path.CACHE, start);
        }

        boolean fastFailed = false;
        try {
            List<PriceOffer> own = ownOffers(query);
            if (!own.isEmpty()) {
                List<PriceOffer> sorted = sorted(own);
                lookup.fill(sorted, false);
                return found(query, sorted, Path.FAST, start);
            }
            record(query, FAST, "miss", PriceOffer.OWN_SOURCE, null);
        } catch (RuntimeException e) {
            fastFailed = true;
            long now = System.nanoTime();
            long last = lastFastWarning.get();
            if (now - last >= WARN_INTERVAL_NANOS && lastFastWarning.compareAndSet(last, now)) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "price search: own catalog failed, trying the sources (at most one such"
                                + " warning per 60 s; every failure is in search_failures): " + e);
            }
            record(query, FAST, "failed", PriceOffer.OWN_SOURCE, describe(e));
        }

        List<PriceSource> enabled = sources.enabled();
        List<PriceOffer> offers = new ArrayList<>();
        int failed = 0;
        List<PriceSource.Answer> answers = ask(enabled, query.text(), start);
        for (int i = 0; i < enabled.size(); i++) {
            String name = enabled.get(i).name();
            switch (answers.get(i)) {
                case PriceSource.Offers o when o.offers().isEmpty() -> record(query, SLOW, "miss", name, null);
                case PriceSource.Offers o -> offers.addAll(o.offers());
                case PriceSource.Failed f -> {
                    failed++;
                    record(query, SLOW, f.reason().wire(), name, f.detail());
                }
            }
        }
        if (!offers.isEmpty()) {
            List<PriceOffer> sorted = sorted(offers);
            lookup.fill(sorted, failed > 0);
            return found(query, sorted, Path.SLOW, start);
        }
        if (fastFailed && failed == enabled.size()) {
            record(query, NONE, "unavailable", null, failed + " of " + enabled.size() + " sources failed");
            return new Unavailable(query.text(), settings.retryAfter(), millisSince(start));
        }
        record(query, NONE, "not_found", null, null);
        return new NotFound(query.text(), millisSince(start));
    }

    private List<PriceOffer> ownOffers(Query query) {
        SearchProductsUseCase.Result result = products.search(new SearchProductsUseCase.Query(
                query.text(), null, null, null, SearchProductsUseCase.Sort.RELEVANCE, 0, settings.fastPathSize()));
        List<PriceOffer> offers = new ArrayList<>(result.hits().size());
        for (Hit h : result.hits()) {
            offers.add(new PriceOffer(
                    PriceOffer.OWN_SOURCE,
                    Long.toString(h.productId()),
                    h.name(),
                    h.price(),
                    h.currency(),
                    "/api/v1/products/" + h.productId()));
        }
        return offers;
    }

    /** Every source's answer, in order; a source still running at the deadline answers {@code DEADLINE}. */
    List<PriceSource.Answer> ask(List<PriceSource> enabled, String text, long start) {
        if (enabled.isEmpty()) {
            return List.of();
        }
        List<Callable<PriceSource.Answer>> calls = new ArrayList<>(enabled.size());
        for (PriceSource source : enabled) {
            calls.add(() -> source.search(text));
        }
        long remaining = settings.deadline().toNanos() - (System.nanoTime() - start);
        List<Future<PriceSource.Answer>> futures;
        try {
            // invokeAll cancels (interrupts) every call still running when the time is up.
            futures = executor.invokeAll(calls, Math.max(0, remaining), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return enabled.stream()
                    .<PriceSource.Answer>map(
                            s -> new PriceSource.Failed(PriceSource.Failure.DEADLINE, "search interrupted"))
                    .toList();
        }
        List<PriceSource.Answer> answers = new ArrayList<>(futures.size());
        for (Future<PriceSource.Answer> f : futures) {
            answers.add(answer(f));
        }
        return answers;
    }

    private PriceSource.Answer answer(Future<PriceSource.Answer> f) {
        try {
            PriceSource.Answer a = f.get();
            return a == null ? new PriceSource.Failed(PriceSource.Failure.ERROR, "no answer") : a;
        } catch (CancellationException e) {
            return new PriceSource.Failed(
                    PriceSource.Failure.DEADLINE,
                    "no answer within " + settings.deadline().toMillis() + " ms");
        } catch (ExecutionException e) {
            LOG.log(System.Logger.Level.WARNING, "price source failed unexpectedly", e.getCause());
            return new PriceSource.Failed(PriceSource.Failure.ERROR, describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PriceSource.Failed(PriceSource.Failure.DEADLINE, "search interrupted");
        }
    }

    private List<PriceOffer> sorted(List<PriceOffer> offers) {
        return offers.stream()
                .sorted(PriceOffer.cheapestFirst(settings.preferredCurrency()))
                .limit(settings.maxOffers())
                .toList();
    }

    private Found found(Query query, List<PriceOffer> sortedOffers, Path path, long start) {
        return new Found(query.text(), sortedOffers.getFirst(), sortedOffers, path, millisSince(start));
    }

    private void record(Query query, String path, String reason, String source, String detail) {
        failures.record(new SearchFailure(query.text(), path, reason, source, detail, clock.instant()));
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
