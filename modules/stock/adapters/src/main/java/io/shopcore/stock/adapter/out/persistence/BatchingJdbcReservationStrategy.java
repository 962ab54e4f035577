package io.shopcore.stock.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.shopcore.infrastructure.problem.ApiProblemException;
import io.shopcore.infrastructure.problem.ProblemCode;
import io.shopcore.stock.adapter.config.StockConfig;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Coalesces concurrent reservations (for one product or many) into one short transaction.
 *
 * <p>Callers put their request on a bounded queue and wait on their own future. A few writer
 * threads each loop: take whatever is queued (up to the maximum batch size; a lone request is taken
 * at once, it never waits for company), and apply it in one JDBC transaction:
 * <ol>
 *   <li>claim the idempotency keys of the batch ((owner, key) order; duplicates in the batch and keys
 *       claimed elsewhere answer "already claimed", and the caller replays the stored answer);</li>
 *   <li>lock the stock rows of all products in the batch in product-id order
 *       ({@code ORDER BY product_id FOR NO KEY UPDATE}), so two batches, or a batch and any other
 *       writer, cannot deadlock;</li>
 *   <li>admit requests in arrival order while stock lasts; one that does not fit is refused alone;</li>
 *   <li>one statement: a multi-row UPDATE of the stock rows plus bulk inserts of reservations and
 *       ledger entries (data-modifying CTEs over arrays); then the idempotency answers; one commit.</li>
 * </ol>
 * Only after the commit does each caller get its answer. A failed batch rolls back and every
 * caller in it gets the failure (503): nothing is half-written. The database row lock remains the
 * arbiter, so several service instances can run this at once.
 */
@ApplicationScoped
@Typed(BatchingJdbcReservationStrategy.class)
public class BatchingJdbcReservationStrategy implements ReservationStrategy {

    private static final Logger LOG = Logger.getLogger(BatchingJdbcReservationStrategy.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

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
    private final int maxSize;
    private final int writerCount;
    private final long maxWaitNanos;
    private final long maxQueueNanos;
    private final BlockingQueue<Pending> queue;
    private final int maxPerProduct;
    /** Requests in flight per product; entries vanish at zero, so unknown ids cannot grow it. */
    private final ConcurrentHashMap<Long, Integer> queuedPerProduct = new ConcurrentHashMap<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    private final DistributionSummary batchSizes;
    private final Timer batchTimer;
    private final Counter overflows;
    private final Counter shed;
    private final Counter failures;

    public BatchingJdbcReservationStrategy(AgroalDataSource ds, Clock clock, StockConfig config, MeterRegistry registry) {
        this.ds = ds;
        this.clock = clock;
        StockConfig.Batch b = config.batch();
        this.maxSize = Math.max(1, b.maxSize());
        this.writerCount = Math.max(1, b.writers());
        this.maxWaitNanos = Math.max(0, b.maxWait().toNanos());
        this.maxQueueNanos = Math.max(1, b.maxQueueTime().toNanos());
        this.queue = new ArrayBlockingQueue<>(Math.max(1, b.queueCapacity()));
        this.maxPerProduct = Math.max(1, b.maxQueuedPerProduct());
        Gauge.builder("shopcore.stock.batch.queue", queue, BlockingQueue::size)
                .description("reservations waiting for a batch writer").register(registry);
        this.batchSizes = DistributionSummary.builder("shopcore.stock.batch.size")
                .description("reservations per batch transaction").register(registry);
        this.batchTimer = Timer.builder("shopcore.stock.batch.transaction")
                .description("duration of one batch transaction").register(registry);
        this.overflows = Counter.builder("shopcore.stock.batch.overflow")
                .description("reservations refused because the queue was full").register(registry);
        this.shed = Counter.builder("shopcore.stock.batch.shed")
                .description("reservations refused because they waited longer than max-queue-time").register(registry);
        this.failures = Counter.builder("shopcore.stock.batch.failures")
                .description("batch transactions that failed and rolled back").register(registry);
    }

    @PostConstruct
    void start() {
        running = true;
        for (int i = 0; i < writerCount; i++) {
            Thread t = Thread.ofPlatform().daemon().name("stock-batch-writer-" + i).unstarted(this::loop);
            writers.add(t);
            t.start();
        }
        LOG.infof("stock: batched reservations with %d writer(s), max batch %d, queue %d", writerCount, maxSize,
                queue.remainingCapacity());
    }

    @PreDestroy
    void stop() {
        running = false;
        for (Thread t : writers) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Pending p;
        while ((p = queue.poll()) != null) {
            p.future.complete(new Overloaded(RETRY_AFTER));
        }
    }

    @Override
    public boolean completesAsynchronously() {
        return true;
    }

    /**
     * Queues the request and returns at once; the future completes on a writer thread after the batch
     * commits (or rolls back). Overflow is answered immediately, never queued.
     */
    @Override
    public CompletionStage<Outcome> reserveAsync(Request request) {
        long productId = request.productId();
        if (queuedPerProduct.merge(productId, 1, Integer::sum) > maxPerProduct) {
            leave(productId);
            overflows.increment();
            return CompletableFuture.completedFuture(new Overloaded(RETRY_AFTER));
        }
        Pending p = new Pending(request, System.nanoTime());
        if (!running || !queue.offer(p)) {
            leave(productId);
            overflows.increment();
            return CompletableFuture.completedFuture(new Overloaded(RETRY_AFTER));
        }
        // The writer always completes the future (after commit or rollback); the timeout is a safety net.
        return p.future
                .orTimeout(TimeUnit.NANOSECONDS.toMillis(maxQueueNanos) + 30_000, TimeUnit.MILLISECONDS)
                .handle((outcome, failure) -> {
                    leave(productId);
                    if (failure == null) {
                        return outcome;
                    }
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                    if (cause instanceof TimeoutException) {
                        LOG.warn("stock: a batched reservation did not get an answer in time");
                        throw new ApiProblemException(ProblemCode.UNAVAILABLE, "Reservation timed out; try again", RETRY_AFTER);
                    }
                    throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
                });
    }

    @Override
    public Outcome reserve(Request request) {
        try {
            return reserveAsync(request).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    private void leave(long productId) {
        queuedPerProduct.computeIfPresent(productId, (k, n) -> n <= 1 ? null : n - 1);
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>(maxSize);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxSize - 1);
                if (maxWaitNanos > 0 && batch.size() < maxSize) {
                    long deadline = System.nanoTime() + maxWaitNanos;
                    long left;
                    while (batch.size() < maxSize && (left = deadline - System.nanoTime()) > 0) {
                        Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
                        if (next == null) {
                            break;
                        }
                        batch.add(next);
                        queue.drainTo(batch, maxSize - batch.size());
                    }
                }
                process(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (Throwable t) {
                LOG.error("stock: batch writer failure", t);
                for (Pending p : batch) {
                    p.future.completeExceptionally(t);
                }
            } finally {
                batch.clear();
            }
        }
    }

    /** Applies one batch and answers every caller in it. Package-private for tests. */
    void process(List<Pending> batch) {
        long started = System.nanoTime();
        List<Pending> live = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            if (started - p.enqueuedNanos > maxQueueNanos) {
                shed.increment();
                p.future.complete(new Overloaded(RETRY_AFTER));
            } else {
                live.add(p);
            }
        }
        if (live.isEmpty()) {
            return;
        }
        Outcome[] answers = new Outcome[live.size()];
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                apply(c, live, answers);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                Jdbc.restoreAutoCommit(c);
            }
        } catch (SQLException | RuntimeException e) {
            failures.increment();
            RuntimeException failure = e instanceof SQLException s ? Jdbc.failure("reserve (batched)", s) : (RuntimeException) e;
            if (!(failure instanceof ApiProblemException)) {
                LOG.error("stock: batch transaction failed", e);
            }
            for (Pending p : live) {
                p.future.completeExceptionally(failure);
            }
            return;
        }
        batchSizes.record(live.size());
        batchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        for (int i = 0; i < live.size(); i++) {
            live.get(i).future.complete(answers[i]);
        }
    }

    private void apply(Connection c, List<Pending> live, Outcome[] answers) throws SQLException {
        int n = live.size();
        Instant now = clock.instant();

        // 1. Idempotency keys: the first use of a key in the batch claims it; later ones replay.
        IdempotencyClaims.Claim[] claims = new IdempotencyClaims.Claim[n];
        Map<String, IdempotencyClaims.Claim> firstUse = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Request req = live.get(i).request;
            if (req.idempotencyKey() == null) {
                continue;
            }
            IdempotencyClaims.Claim claim = new IdempotencyClaims.Claim(req.ownerId(), req.idempotencyKey(),
                    req.productId(), req.quantity().value());
            if (firstUse.putIfAbsent(claim.id(), claim) == null) {
                claims[i] = claim;
            } else {
                answers[i] = new KeyAlreadyClaimed();
            }
        }
        if (!firstUse.isEmpty()) {
            Set<String> won = IdempotencyClaims.claim(c, new ArrayList<>(firstUse.values()), now);
            for (int i = 0; i < n; i++) {
                if (claims[i] != null && !won.contains(claims[i].id())) {
                    answers[i] = new KeyAlreadyClaimed();
                    claims[i] = null;
                }
            }
        }

        // 2. Lock every product's row in product order.
        TreeSet<Long> productIds = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            if (answers[i] == null) {
                productIds.add(live.get(i).request.productId());
            }
        }
        Map<Long, StockLevel> levels = new HashMap<>(productIds.size() * 2);
        if (!productIds.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(LOCK)) {
                ps.setArray(1, c.createArrayOf("bigint", productIds.toArray(new Long[0])));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long pid = rs.getLong(1);
                        levels.put(pid, new StockLevel(pid, rs.getInt(2), rs.getInt(3)));
                    }
                }
            }
        }

        // 3. Admit first come, first served, while stock lasts.
        List<Reservation> admitted = new ArrayList<>(n);
        List<IdempotencyClaims.Answer> keyAnswers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (answers[i] != null) {
                continue;
            }
            Request req = live.get(i).request;
            StockLevel level = levels.get(req.productId());
            int code;
            UUID reservationId = null;
            if (level == null) {
                answers[i] = new ProductNotFound();
                code = IdempotencyClaims.NOT_FOUND;
            } else if (level.canReserve(req.quantity())) {
                levels.put(req.productId(), level.reserve(req.quantity()));
                Reservation r = Reservation.hold(req.id(), req.productId(), req.ownerId(), req.quantity(), now, req.ttl());
                admitted.add(r);
                answers[i] = new Reserved(r);
                code = IdempotencyClaims.RESERVED;
                reservationId = r.id().value();
            } else {
                answers[i] = new InsufficientStock();
                code = IdempotencyClaims.INSUFFICIENT;
            }
            if (claims[i] != null) {
                keyAnswers.add(new IdempotencyClaims.Answer(req.ownerId(), req.idempotencyKey(), code, reservationId));
            }
        }

        // 4. One statement for all stock rows, reservations and ledger entries.
        if (!admitted.isEmpty()) {
            write(c, admitted, now);
        }
        IdempotencyClaims.record(c, keyAnswers);
    }

    private static void write(Connection c, List<Reservation> admitted, Instant now) throws SQLException {
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
        try (PreparedStatement ps = c.prepareStatement(WRITE)) {
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
                    throw new IllegalStateException("batch updated " + updated + " stock rows, expected " + distinct.size());
                }
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("stock: rollback failed", e);
        }
    }

    /** One waiting caller. */
    static final class Pending {
        final Request request;
        final long enqueuedNanos;
        final CompletableFuture<Outcome> future = new CompletableFuture<>();

        Pending(Request request, long enqueuedNanos) {
            this.request = request;
            this.enqueuedNanos = enqueuedNanos;
        }
    }
}
