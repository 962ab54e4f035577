package io.shopcore.stock.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopcore.stock.adapter.config.StockConfig;
import io.shopcore.stock.adapter.config.StockTimeouts;
import io.shopcore.stock.adapter.out.batching.BatchSettings;
import io.shopcore.stock.adapter.out.batching.RequestBatcher;
import io.shopcore.stock.application.BatchAdmission;
import io.shopcore.stock.application.port.out.ReservationStrategy;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.StockLevel;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Coalesces concurrent reservations (for one product or many) into one short transaction. Three
 * parts, each with one job:
 * <ul>
 *   <li>{@link RequestBatcher}: the bounded queue, the writer thread(s), back-pressure, shutdown and
 *       metrics (callers get a future at once; {@code Overloaded} when saturated);</li>
 *   <li>{@link BatchAdmission} (stock core): the decisions — duplicate keys, which products to lock,
 *       first come first served while stock lasts;</li>
 *   <li>this class: the JDBC transaction — claim keys, lock the rows, write, commit.</li>
 * </ul>
 * Per batch, one transaction: claim the idempotency keys ((owner, key) order), lock the stock rows of
 * all its products in product-id order ({@code ORDER BY product_id FOR NO KEY UPDATE}, so batches and
 * other writers cannot deadlock), admit, then one statement (a multi-row UPDATE of the stock rows plus
 * bulk inserts of reservations and ledger entries, data-modifying CTEs over arrays), the key answers,
 * one commit. Only after the commit does each caller get its answer; a failed batch rolls back and
 * every caller in it gets the failure ({@code StoreUnavailableException} when the database cannot
 * answer): nothing is half-written. The row lock stays the arbiter, so several instances can run this.
 * Every statement carries the statement timeout, and a caller waits for its answer longer than a batch
 * can take ({@link StockTimeouts#batchAnswerTimeout()}): a 503 always means the batch rolled back.
 */
@ApplicationScoped
@Typed(BatchingJdbcReservationStrategy.class)
public class BatchingJdbcReservationStrategy implements ReservationStrategy {

    private static final Logger LOG = Logger.getLogger(BatchingJdbcReservationStrategy.class);
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** How long shutdown lets the writers finish the queued reservations. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private static final String LOCK = "SELECT product_id, total, reserved FROM stock.stock_level "
            + "WHERE product_id = ANY (?) AND NOT retired ORDER BY product_id FOR NO KEY UPDATE";

    private static final String WRITE = """
            WITH u AS (
                UPDATE stock.stock_level s SET reserved = s.reserved + d.q, version = s.version + 1, updated_at = now()
                  FROM (SELECT pid, sum(q) AS q FROM unnest(?::bigint[], ?::int[]) AS t(pid, q) GROUP BY pid) d
                 WHERE s.product_id = d.pid
                RETURNING s.product_id),
            r AS (
                INSERT INTO stock.reservation (id, product_id, owner_id, quantity, status, expires_at, created_at, updated_at)
                SELECT id, pid, o, q, 'HELD', e::timestamptz, ?, ?
                  FROM unnest(?::uuid[], ?::bigint[], ?::text[], ?::int[], ?::text[]) AS t(id, pid, o, q, e)),
            l AS (
                INSERT INTO stock.ledger_entry (product_id, type, quantity, reservation_id, created_at)
                SELECT pid, 'RESERVE', q, id, ?
                  FROM unnest(?::uuid[], ?::bigint[], ?::int[]) WITH ORDINALITY AS t(id, pid, q, n) ORDER BY n)
            SELECT count(*) FROM u
            """;

    private final AgroalDataSource ds;
    private final Clock clock;
    private final RequestBatcher<Request, Outcome> batcher;
    private final StockConfig.Batch batchConfig;
    private final int timeout;

    public BatchingJdbcReservationStrategy(
            AgroalDataSource ds, Clock clock, StockConfig config, StockTimeouts timeouts, MeterRegistry registry) {
        this.ds = ds;
        this.clock = clock;
        this.batchConfig = config.batch();
        this.timeout = timeouts.statementTimeoutSeconds();
        var settings = new BatchSettings(
                Jdbc.STORE,
                batchConfig.maxSize(),
                batchConfig.writers(),
                batchConfig.maxWait(),
                batchConfig.maxQueueTime(),
                batchConfig.queueCapacity(),
                batchConfig.maxQueuedPerProduct(),
                SHUTDOWN_GRACE,
                timeouts.batchAnswerTimeout());
        this.batcher = new RequestBatcher<>(
                settings,
                Request::productId,
                this::writeBatch,
                () -> new Overloaded(RETRY_AFTER),
                registry,
                "shopcore.stock.batch",
                "stock-batch-writer",
                System::nanoTime);
    }

    @PostConstruct
    void start() {
        batcher.start();
        LOG.infof(
                "stock: batched reservations with %d writer(s), max batch %d, queue %d",
                batchConfig.writers(), batchConfig.maxSize(), batchConfig.queueCapacity());
    }

    @PreDestroy
    void stop() {
        batcher.close();
    }

    @Override
    public boolean completesAsynchronously() {
        return true;
    }

    /** Queues the request and returns at once; the future completes after its batch commits (or rolls back). */
    @Override
    public CompletionStage<Outcome> reserveAsync(Request request) {
        return batcher.submit(request);
    }

    @Override
    public Outcome reserve(Request request) {
        try {
            return reserveAsync(request).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    /** One batch, one transaction; runs on a batch writer thread. */
    private List<Outcome> writeBatch(List<Request> requests) {
        BatchAdmission batch = new BatchAdmission(requests);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                Instant now = clock.instant();
                batch.keysWon(IdempotencyClaims.claim(c, batch.keysToClaim(), now, timeout));
                batch.admit(lock(c, batch.productsToLock()), now);
                if (!batch.admitted().isEmpty()) {
                    write(c, batch.admitted());
                }
                IdempotencyClaims.record(c, batch.keyAnswers(), timeout);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                Jdbc.rollbackQuietly(c);
                throw e;
            } finally {
                Jdbc.restoreAutoCommit(c);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reserve (batched)", e);
        }
        return batch.outcomes();
    }

    /** Locks the active products' rows in product order and reads their levels. */
    private Map<Long, StockLevel> lock(Connection c, SortedSet<Long> productIds) throws SQLException {
        Map<Long, StockLevel> levels = new HashMap<>(productIds.size() * 2);
        if (productIds.isEmpty()) {
            return levels;
        }
        try (PreparedStatement ps = Jdbc.prepare(c, timeout, LOCK)) {
            ps.setArray(1, c.createArrayOf("bigint", productIds.toArray(new Long[0])));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long pid = rs.getLong(1);
                    levels.put(pid, new StockLevel(pid, rs.getInt(2), rs.getInt(3)));
                }
            }
        }
        return levels;
    }

    /** One statement for all stock rows, reservations and ledger entries of the batch. */
    private void write(Connection c, List<Reservation> admitted) throws SQLException {
        int m = admitted.size();
        UUID[] ids = new UUID[m];
        Long[] pids = new Long[m];
        String[] owners = new String[m];
        Integer[] qs = new Integer[m];
        String[] expires = new String[m];
        Set<Long> distinct = new TreeSet<>();
        Instant created = admitted.getFirst().createdAt();
        for (int i = 0; i < m; i++) {
            Reservation r = admitted.get(i);
            ids[i] = r.id().value();
            pids[i] = r.productId();
            owners[i] = r.ownerId();
            qs[i] = r.quantity().value();
            expires[i] = r.expiresAt().toString();
            distinct.add(r.productId());
        }
        try (PreparedStatement ps = Jdbc.prepare(c, timeout, WRITE)) {
            Array idArr = c.createArrayOf("uuid", ids);
            Array pidArr = c.createArrayOf("bigint", pids);
            Array qArr = c.createArrayOf("integer", qs);
            ps.setArray(1, pidArr);
            ps.setArray(2, qArr);
            ps.setObject(3, Jdbc.ts(created));
            ps.setObject(4, Jdbc.ts(created));
            ps.setArray(5, idArr);
            ps.setArray(6, pidArr);
            ps.setArray(7, c.createArrayOf("text", owners));
            ps.setArray(8, qArr);
            ps.setArray(9, c.createArrayOf("text", expires));
            ps.setObject(10, Jdbc.ts(created));
            ps.setArray(11, idArr);
            ps.setArray(12, pidArr);
            ps.setArray(13, qArr);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long updated = rs.getLong(1);
                if (updated != distinct.size()) {
                    throw new IllegalStateException(
                            "batch updated " + updated + " stock rows, expected " + distinct.size());
                }
            }
        }
    }
}
