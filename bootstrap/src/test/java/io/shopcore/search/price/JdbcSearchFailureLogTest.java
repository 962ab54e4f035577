package io.shopcore.search.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.search.adapter.out.persistence.JdbcSearchFailureLog;
import io.shopcore.search.application.port.out.SearchFailureLog;
import io.shopcore.search.application.port.out.SearchFailureLog.SearchFailure;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The failure log against PostgreSQL, and with PostgreSQL unreachable (records dropped, never an error). */
@QuarkusTest
class JdbcSearchFailureLogTest {

    @Inject
    SearchFailureLog log;

    @Inject
    DataSource dataSource;

    @Test
    void givenRecords_writer_storesEachRowOffTheCallersThread() {
        String query = "기록 " + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-29T12:00:00Z");
        log.record(new SearchFailure(query, "fast", "miss", "shopcore", null, at));
        log.record(new SearchFailure(query, "slow", "timeout", "naver", "x".repeat(2000), at));
        log.record(new SearchFailure(query, "none", "not_found", null, null, at));
        assertThat(FailureRows.await(
                        dataSource, query, "fast/miss/shopcore", "slow/timeout/naver", "none/not_found/null"))
                .containsExactly("fast/miss/shopcore", "slow/timeout/naver", "none/not_found/null");
    }

    @Test
    void givenDatabaseUnreachable_writer_dropsAndCountsWithoutFailing() {
        PGSimpleDataSource down = new PGSimpleDataSource();
        down.setURL("jdbc:postgresql://127.0.0.1:1/nothing");
        down.setConnectTimeout(1);
        assertThatCode(down::getConnection).isInstanceOf(SQLException.class);
        MeterRegistry registry = new SimpleMeterRegistry();
        JdbcSearchFailureLog offline = new JdbcSearchFailureLog(
                down, 2, 10, Duration.ofMinutes(1), Duration.ofDays(30), Clock.systemUTC(), registry);

        SearchFailure f = new SearchFailure("q", "fast", "miss", "shopcore", null, Instant.now());
        assertThatCode(() -> {
                    offline.record(f);
                    offline.record(f);
                    offline.record(f); // queue of 2: dropped
                })
                .doesNotThrowAnyException();
        assertThat(registry.counter("shopcore.search.failures.dropped", "reason", "queue_full")
                        .count())
                .isEqualTo(1);

        offline.flush();
        assertThat(registry.counter("shopcore.search.failures.dropped", "reason", "store_unavailable")
                        .count())
                .isEqualTo(2);
        assertThat(registry.find("shopcore.search.failures.queued").gauge().value())
                .isZero();
    }
}
