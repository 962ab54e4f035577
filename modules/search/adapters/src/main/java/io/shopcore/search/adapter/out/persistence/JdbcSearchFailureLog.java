package io.shopcore.search.adapter.out.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.shopcore.search.adapter.config.PriceSearchConfig;
import io.shopcore.search.application.port.out.SearchFailureLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * {@code search.search_failures}, written off the request path: {@link #record} only offers to a bounded
 * in-memory queue (full: the record is dropped and counted); a scheduled writer drains it in batches of
 * plain JDBC inserts. When PostgreSQL is down the batch is dropped and counted, with at most one warning
 * per interval; searches never wait for, or fail because of, this table.
 */
@ApplicationScoped
public class JdbcSearchFailureLog implements SearchFailureLog {

    private static final Logger LOG = Logger.getLogger(JdbcSearchFailureLog.class);
    static final int MAX_DETAIL = 500;
    private static final String INSERT =
            "INSERT INTO search.search_failures (query, path, reason, source, detail, occurred_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final BlockingQueue<SearchFailure> queue;
    private final int batchSize;
    private final long warnIntervalNanos;
    private final Duration retention;
    private final Clock clock;
    private final ReentrantLock writing = new ReentrantLock();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);
    private final Counter written;
    private final Counter droppedFull;
    private final Counter droppedStore;

    @Inject
    public JdbcSearchFailureLog(DataSource dataSource, PriceSearchConfig config, Clock clock, MeterRegistry registry) {
        this(
                dataSource,
                config.failureLog().queueCapacity(),
                config.failureLog().batchSize(),
                config.failureLog().warnInterval(),
                config.failureLog().retention(),
                clock,
                registry);
    }

    public JdbcSearchFailureLog(
            DataSource dataSource,
            int capacity,
            int batchSize,
            Duration warnInterval,
            Duration retention,
            Clock clock,
            MeterRegistry registry) {
        this.dataSource = dataSource;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
        this.batchSize = Math.max(1, batchSize);
        this.warnIntervalNanos = warnInterval.toNanos();
        this.retention = retention;
        this.clock = clock;
        this.written = Counter.builder("shopcore.search.failures.written")
                .description("search_failures rows written")
                .register(registry);
        this.droppedFull = dropped(registry, "queue_full");
        this.droppedStore = dropped(registry, "store_unavailable");
        Gauge.builder("shopcore.search.failures.queued", queue, BlockingQueue::size)
                .description("search_failures records waiting for the writer")
                .register(registry);
    }

    @Override
    public void record(SearchFailure failure) {
        if (!queue.offer(failure)) {
            droppedFull.increment();
            warn("search_failures queue full (%d): records dropped", queue.size() + queue.remainingCapacity());
        }
    }

    /** Drains the queue in batches; one writer at a time (the scheduler skips overlapping runs anyway). */
    @Scheduled(
            identity = "search-failures-writer",
            every = "${shopcore.search.price.failure-log.flush-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void flush() {
        if (!writing.tryLock()) {
            return;
        }
        try {
            List<SearchFailure> batch = new ArrayList<>(batchSize);
            while (queue.drainTo(batch, batchSize) > 0) {
                write(batch);
                batch.clear();
            }
        } finally {
            writing.unlock();
        }
    }

    /** Deletes rows older than the retention, in bounded statements; safe to run on both colours. */
    @Scheduled(
            identity = "search-failures-purge",
            every = "1h",
            delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        Timestamp before = Timestamp.from(clock.instant().minus(retention));
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM search.search_failures WHERE id IN"
                        + " (SELECT id FROM search.search_failures WHERE occurred_at < ? LIMIT 10000)")) {
            ps.setTimestamp(1, before);
            while (ps.executeUpdate() == 10000) {
                // more to delete
            }
        } catch (SQLException e) {
            warn("search_failures purge failed: %s", e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        flush();
    }

    private void write(List<SearchFailure> batch) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (SearchFailure f : batch) {
                ps.setString(1, f.query());
                ps.setString(2, f.path());
                ps.setString(3, f.reason());
                ps.setString(4, f.source());
                ps.setString(
                        5,
                        f.detail() == null || f.detail().length() <= MAX_DETAIL
                                ? f.detail()
                                : f.detail().substring(0, MAX_DETAIL));
                ps.setTimestamp(6, Timestamp.from(f.at()));
                ps.addBatch();
            }
            ps.executeBatch();
            written.increment(batch.size());
        } catch (SQLException | RuntimeException e) {
            droppedStore.increment(batch.size());
            warn("search_failures: %s; records dropped while the database is unavailable", e.getMessage());
        }
    }

    private void warn(String format, Object argument) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= warnIntervalNanos && lastWarning.compareAndSet(last, now)) {
            LOG.warnf(format + " (at most one such warning per %d s)", argument, warnIntervalNanos / 1_000_000_000L);
        }
    }

    private static Counter dropped(MeterRegistry registry, String reason) {
        return Counter.builder("shopcore.search.failures.dropped")
                .description("search_failures records dropped (queue full, or the database unavailable)")
                .tag("reason", reason)
                .register(registry);
    }
}
