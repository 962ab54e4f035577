package io.shopcore.stock.adapter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The stock module's settings ({@code shopcore.stock.*}); docs/modules/stock.md explains each. */
@ConfigMapping(prefix = "shopcore.stock")
public interface StockConfig {

    /** pessimistic | atomic | batched. */
    @WithDefault("batched")
    Strategy reservationStrategy();

    /** How long a HELD reservation lasts before it expires and gives its units back. */
    @WithDefault("10m")
    Duration reservationTtl();

    /** How often the sweeper looks for overdue reservations (read by {@code @Scheduled} as {@code ${shopcore.stock.sweep-interval}}). */
    @WithDefault("5s")
    Duration sweepInterval();

    /** Reservations expired per sweeper transaction. */
    @WithDefault("500")
    int sweepBatchSize();

    /** Sweeper transactions per run at most (the rest waits for the next run). */
    @WithDefault("20")
    int sweepMaxBatchesPerRun();

    /** Idempotency keys are kept this long (at least 24 h). */
    @WithDefault("24h")
    Duration idempotencyRetention();

    /**
     * Longest one reservation statement may run, row-lock waits included, before PostgreSQL cancels it
     * (whole seconds, at least 1 s; JDBC query timeout). The answer is then 503 and the transaction has
     * rolled back. Start-up fails unless the JDBC {@code socketTimeout} is longer, so the client never
     * stops listening before the server has decided (see {@link StockTimeouts}).
     */
    @WithDefault("5s")
    Duration statementTimeout();

    Blocking blocking();

    IdempotencyPurge idempotencyPurge();

    Batch batch();

    Read read();

    /**
     * The bound on plain stock reads (GET /stock/{id}) running at once. Worker threads (96) outnumber
     * pooled connections (32), and the pool does not hand connections out first come, first served: with 50
     * clients some waiters starved for 100-1,000 ms. A fair queue in front of a few slots keeps the tail
     * short (docs/performance.md, Sizing guide).
     */
    interface Read {

        /** Stock reads holding a connection at once; more wait (in arrival order) for a slot. */
        @WithDefault("8")
        int maxConcurrent();

        /** How long a read waits for a slot before the request is answered 503 with Retry-After. */
        @WithDefault("2s")
        Duration queueTimeout();
    }

    /**
     * The bounded executor for reservations that must block a thread: those with an idempotency key
     * (the replay look-up) and every reservation of the synchronous strategies (pessimistic, atomic).
     */
    interface Blocking {

        /** Threads (each may hold one pooled connection at a time). */
        @WithDefault("32")
        int threads();

        /** Reservations waiting for a thread at most; beyond, 503 + Retry-After at once (nothing written). */
        @WithDefault("1000")
        int queueCapacity();

        /** A reservation still waiting for a thread after this long is answered 503 instead of being written late. */
        @WithDefault("3s")
        Duration maxQueueTime();
    }

    /** Scheduled deletion of idempotency keys past their retention, in bounded batches (IdempotencyKeyPurgeJob). */
    interface IdempotencyPurge {

        @WithDefault("true")
        boolean enabled();

        /** How often a run starts (read by {@code @Scheduled}). */
        @WithDefault("10m")
        Duration interval();

        /** Keys deleted per transaction. */
        @WithDefault("1000")
        int batchSize();

        /** Transactions per run at most (the rest waits for the next run). */
        @WithDefault("50")
        int maxBatchesPerRun();
    }

    interface Batch {

        /** Most reservations one batch transaction applies. */
        @WithDefault("500")
        int maxSize();

        /** Requests waiting for a writer at most; beyond, the reservation is refused as overloaded (503 + Retry-After). */
        @WithDefault("10000")
        int queueCapacity();

        /** Requests of one product waiting at most, so one hot product cannot fill the whole queue. */
        @WithDefault("2000")
        int maxQueuedPerProduct();

        /**
         * Writer threads (each runs one batch transaction at a time). 1 measured best on 2 cores: a
         * second writer mostly waits for the first one's row locks (docs/performance.md).
         */
        @WithDefault("1")
        int writers();

        /**
         * How long a writer waits for more requests after the first (0: none; a lone request
         * never waits for company, it is written as soon as a writer is free).
         */
        @WithDefault("0ms")
        Duration maxWait();

        /** A request still queued after this long is refused as overloaded (503) instead of being written late. */
        @WithDefault("3s")
        Duration maxQueueTime();
    }

    enum Strategy {
        PESSIMISTIC,
        ATOMIC,
        BATCHED
    }
}
