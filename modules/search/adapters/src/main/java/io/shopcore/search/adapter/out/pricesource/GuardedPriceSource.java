package io.shopcore.search.adapter.out.pricesource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopcore.search.adapter.config.PriceSearchConfig;
import io.shopcore.search.application.port.out.PriceSource;
import io.shopcore.search.domain.PriceOffer;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * A source behind its own SmallRye Fault Tolerance guard (built programmatically, since sources come from
 * configuration): retries with exponential backoff and jitter on 5xx and timeouts only, then a circuit
 * breaker per source (each attempt counts; 429 and the deadline do not). A 429 closes a gate for its
 * {@code Retry-After}: the source is skipped, not hammered, until then. Every call is counted by outcome in
 * {@code shopcore_price_source_calls_total{source,outcome}}; the breaker's state is the gauge
 * {@code shopcore_price_source_breaker_open{source}}.
 */
final class GuardedPriceSource implements PriceSource, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GuardedPriceSource.class);
    private static final TypeLiteral<List<PriceOffer>> OFFERS = new TypeLiteral<>() {};

    private final String name;
    private final SourceClient client;
    private final Guard guard;
    private final MeterRegistry registry;
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger breakerOpen = new AtomicInteger();
    /** nanoTime until which the source is skipped after a 429; compared by subtraction. */
    private final AtomicLong skipUntil = new AtomicLong(System.nanoTime());

    GuardedPriceSource(String name, SourceClient client, PriceSearchConfig.Source config, MeterRegistry registry) {
        this.name = name;
        this.client = client;
        this.registry = registry;
        PriceSearchConfig.Retry retry = config.retry();
        PriceSearchConfig.Breaker breaker = config.breaker();
        long delay = Math.max(1, retry.delay().toMillis());
        this.guard = Guard.create()
                .withDescription("price-source-" + name)
                .withRetry()
                .maxRetries(retry.maxRetries())
                .delay(delay, ChronoUnit.MILLIS)
                .jitter(Math.min(retry.jitter().toMillis(), delay), ChronoUnit.MILLIS)
                .maxDuration(
                        Math.max(delay + 1, retry.maxDelay().toMillis() * (retry.maxRetries() + 1) + 60_000),
                        ChronoUnit.MILLIS)
                .whenException(e -> e instanceof SourceCallException s && s.retryable())
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(Math.max(delay, retry.maxDelay().toMillis()), ChronoUnit.MILLIS)
                .done()
                .done()
                .withCircuitBreaker()
                .requestVolumeThreshold(breaker.requestVolume())
                .failureRatio(breaker.failureRatio())
                .delay(Math.max(1, breaker.delay().toMillis()), ChronoUnit.MILLIS)
                .successThreshold(breaker.successThreshold())
                .when(e -> !(e instanceof SourceCallException s) || s.countsForBreaker())
                .onStateChange(this::breakerChanged)
                .done()
                .build();
        Gauge.builder("shopcore_price_source_breaker_open", breakerOpen, AtomicInteger::get)
                .description("1 while the price source's circuit breaker is open (the source is not called)")
                .tag("source", name)
                .register(registry);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Answer search(String text) {
        if (System.nanoTime() - skipUntil.get() < 0) {
            count("skipped");
            return new Failed(Failure.RATE_LIMITED, "skipped: inside the Retry-After of an earlier 429");
        }
        try {
            List<PriceOffer> offers = guard.call(() -> client.fetch(text), OFFERS);
            count(offers.isEmpty() ? "empty" : "success");
            return new Offers(offers);
        } catch (SourceCallException e) {
            if (e.reason() == Failure.RATE_LIMITED && e.retryAfter() != null) {
                skipUntil.set(System.nanoTime() + e.retryAfter().toNanos());
                LOG.warnf(
                        "price source %s answered 429: skipped for %d s",
                        name, e.retryAfter().toSeconds());
            }
            count(e.reason().wire());
            return new Failed(e.reason(), e.getMessage());
        } catch (CircuitBreakerOpenException e) {
            count(Failure.CIRCUIT_OPEN.wire());
            return new Failed(Failure.CIRCUIT_OPEN, "circuit breaker open");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            count(Failure.DEADLINE.wire());
            return new Failed(Failure.DEADLINE, "interrupted at the search's deadline");
        } catch (Exception e) {
            LOG.warnf(e, "price source %s failed unexpectedly", name);
            count(Failure.ERROR.wire());
            return new Failed(Failure.ERROR, e.getClass().getSimpleName());
        }
    }

    /** Whether a 429's Retry-After is still running (for tests and health). */
    boolean skipping() {
        return System.nanoTime() - skipUntil.get() < 0;
    }

    Duration skipRemaining() {
        long left = skipUntil.get() - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    private void breakerChanged(CircuitBreakerState state) {
        breakerOpen.set(state == CircuitBreakerState.OPEN ? 1 : 0);
        LOG.infof("price source %s: circuit breaker %s", name, state);
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(
                        outcome,
                        o -> Counter.builder("shopcore_price_source_calls_total")
                                .description("Price source calls by outcome (after retries)")
                                .tag("source", name)
                                .tag("outcome", o)
                                .register(registry))
                .increment();
    }

    @Override
    public void close() {
        client.close();
    }
}
