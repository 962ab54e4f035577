package io.shopcore.stock;

import static io.shopcore.stock.StockFixtures.assertConsistent;
import static io.shopcore.stock.StockFixtures.newProductId;
import static io.shopcore.stock.StockFixtures.queryLong;
import static io.shopcore.stock.StockFixtures.reserved;
import static io.shopcore.stock.StockFixtures.setExpiry;
import static io.shopcore.stock.StockFixtures.total;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.bootstrap.support.Concurrently;
import io.shopcore.stock.adapter.out.persistence.AtomicJdbcReservationStrategy;
import io.shopcore.stock.adapter.out.persistence.BatchingJdbcReservationStrategy;
import io.shopcore.stock.adapter.out.persistence.PessimisticJdbcReservationStrategy;
import io.shopcore.stock.api.StockAvailabilityApi;
import io.shopcore.stock.application.ReserveStockService;
import io.shopcore.stock.application.StockSettings;
import io.shopcore.stock.application.port.in.AuditStockUseCase;
import io.shopcore.stock.application.port.in.Caller;
import io.shopcore.stock.application.port.in.ConfirmReservationUseCase;
import io.shopcore.stock.application.port.in.ExpireReservationsUseCase;
import io.shopcore.stock.application.port.in.ReleaseReservationUseCase;
import io.shopcore.stock.application.port.in.ReservationTransitionResult;
import io.shopcore.stock.application.port.in.ReserveStockUseCase;
import io.shopcore.stock.application.port.in.ReserveStockUseCase.Command;
import io.shopcore.stock.application.port.out.IdempotencyStore;
import io.shopcore.stock.application.port.out.ReservationRepository;
import io.shopcore.stock.application.port.out.ReservationStrategy;
import io.shopcore.stock.domain.Quantity;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationStatus;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three reservation strategies against the real PostgreSQL, through the reserve use case built
 * on each of them: many concurrent clients, never an oversell, and the invariants hold afterwards.
 */
@QuarkusTest
class ReservationStrategiesTest {

    static final int CLIENTS = 200;

    @Inject
    PessimisticJdbcReservationStrategy pessimistic;

    @Inject
    AtomicJdbcReservationStrategy atomic;

    @Inject
    BatchingJdbcReservationStrategy batched;

    @Inject
    IdempotencyStore idempotency;

    @Inject
    ReservationRepository reservations;

    @Inject
    StockSettings settings;

    @Inject
    StockAvailabilityApi stockApi;

    @Inject
    AuditStockUseCase audit;

    @Inject
    ExpireReservationsUseCase expiry;

    @Inject
    ConfirmReservationUseCase confirm;

    @Inject
    ReleaseReservationUseCase release;

    @Inject
    AgroalDataSource ds;

    @Inject
    @Named(ReserveStockService.BLOCKING_EXECUTOR)
    Executor blocking;

    ReserveStockUseCase useCase(String strategy) {
        ReservationStrategy s = switch (strategy) {
            case "pessimistic" -> pessimistic;
            case "atomic" -> atomic;
            case "batched" -> batched;
            default -> throw new IllegalArgumentException(strategy);
        };
        return new ReserveStockService(s, idempotency, reservations, settings, blocking);
    }

    long product(int stock) {
        long id = newProductId();
        stockApi.registerProduct(id, stock);
        return id;
    }

    static <T> List<T> concurrently(int n, Callable<T> task) throws Exception {
        return Concurrently.run(n, task);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pessimistic", "atomic", "batched"})
    void given1000Units_200ClientsRandomQuantitiesUntilRefused_neverOversell(String strategy) throws Exception {
        ReserveStockUseCase reserve = useCase(strategy);
        long productId = product(1000);
        AtomicLong reservedByClients = new AtomicLong();
        AtomicInteger successes = new AtomicInteger();
        concurrently(CLIENTS, () -> {
            String owner = UUID.randomUUID().toString();
            while (true) {
                int q = ThreadLocalRandom.current().nextInt(1, 21);
                var result = reserve.reserve(new Command(productId, Quantity.of(q), owner, null));
                if (result instanceof ReserveStockUseCase.Reserved r) {
                    assertThat(r.reservation().quantity().value()).isEqualTo(q);
                    reservedByClients.addAndGet(q);
                    successes.incrementAndGet();
                } else {
                    assertThat(result).isInstanceOf(ReserveStockUseCase.InsufficientStock.class);
                    return null;
                }
            }
        });
        assertThat(reserved(ds, productId)).isEqualTo(reservedByClients.get()).isLessThanOrEqualTo(1000);
        assertThat(total(ds, productId)).isEqualTo(1000);
        assertThat(queryLong(
                        ds,
                        "SELECT count(*) FROM stock.reservation WHERE product_id = ? AND status = 'HELD'",
                        productId))
                .isEqualTo(successes.get());
        // Clients stop at their first refusal, so a few units may be left, never more than one request's worth.
        assertThat(1000 - reservedByClients.get()).isLessThan(20);
        assertConsistent(audit, productId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pessimistic", "atomic", "batched"})
    void given1000Units_200ClientsOfOneUnit_exactly1000Succeed(String strategy) throws Exception {
        ReserveStockUseCase reserve = useCase(strategy);
        long productId = product(1000);
        List<Integer> perClient = concurrently(CLIENTS, () -> {
            String owner = UUID.randomUUID().toString();
            int mine = 0;
            while (reserve.reserve(new Command(productId, Quantity.of(1), owner, null))
                    instanceof ReserveStockUseCase.Reserved) {
                mine++;
            }
            return mine;
        });
        assertThat(perClient.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
        assertThat(reserved(ds, productId)).isEqualTo(1000);
        assertConsistent(audit, productId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pessimistic", "atomic", "batched"})
    void given20ConcurrentRequestsWithOneKey_reserve_reservesOnce(String strategy) throws Exception {
        ReserveStockUseCase reserve = useCase(strategy);
        long productId = product(100);
        String owner = UUID.randomUUID().toString();
        String key = "key-" + UUID.randomUUID();
        List<ReserveStockUseCase.Result> results =
                concurrently(20, () -> reserve.reserve(new Command(productId, Quantity.of(3), owner, key)));
        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(ReserveStockUseCase.Reserved.class));
        Set<UUID> ids = results.stream()
                .map(r -> ((ReserveStockUseCase.Reserved) r).reservation().id().value())
                .collect(Collectors.toSet());
        assertThat(ids).hasSize(1);
        assertThat(results.stream().filter(r -> !r.replayed()).count()).isEqualTo(1);
        assertThat(queryLong(ds, "SELECT count(*) FROM stock.reservation WHERE product_id = ?", productId))
                .isEqualTo(1);
        assertThat(reserved(ds, productId)).isEqualTo(3);

        // Same key, different body: refused, nothing reserved.
        assertThat(reserve.reserve(new Command(productId, Quantity.of(4), owner, key)))
                .isInstanceOf(ReserveStockUseCase.IdempotencyKeyReused.class);
        // Same key, another owner: an independent request.
        assertThat(reserve.reserve(
                        new Command(productId, Quantity.of(4), UUID.randomUUID().toString(), key)))
                .isInstanceOf(ReserveStockUseCase.Reserved.class);
        assertThat(reserved(ds, productId)).isEqualTo(7);
        assertConsistent(audit, productId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pessimistic", "atomic", "batched"})
    void givenRefusedRequestWithKey_repeat_replaysRefusal(String strategy) {
        ReserveStockUseCase reserve = useCase(strategy);
        long productId = product(2);
        String owner = UUID.randomUUID().toString();
        var first = reserve.reserve(new Command(productId, Quantity.of(5), owner, "k1"));
        assertThat(first).isEqualTo(new ReserveStockUseCase.InsufficientStock(false));
        stockApi.registerProduct(productId, 0); // no-op: already registered
        var again = reserve.reserve(new Command(productId, Quantity.of(5), owner, "k1"));
        assertThat(again).isEqualTo(new ReserveStockUseCase.InsufficientStock(true));
        var unknown = reserve.reserve(new Command(newProductId(), Quantity.of(1), owner, null));
        assertThat(unknown).isInstanceOf(ReserveStockUseCase.ProductNotFound.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pessimistic", "atomic", "batched"})
    void givenRetiredProduct_reserve_isNotFound(String strategy) {
        ReserveStockUseCase reserve = useCase(strategy);
        long productId = product(10);
        stockApi.retireProduct(productId);
        assertThat(reserve.reserve(new Command(productId, Quantity.of(1), "u", null)))
                .isInstanceOf(ReserveStockUseCase.ProductNotFound.class);
        assertThat(reserved(ds, productId)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pessimistic", "atomic", "batched"})
    void givenMixedConcurrentTraffic_invariantsHold(String strategy) throws Exception {
        ReserveStockUseCase reserve = useCase(strategy);
        long productId = product(500);
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        concurrently(50, () -> {
            String owner = UUID.randomUUID().toString();
            Caller caller = new Caller(owner, false);
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            for (int i = 0; i < 15; i++) {
                var result = reserve.reserve(new Command(productId, Quantity.of(rnd.nextInt(1, 11)), owner, null));
                if (!(result instanceof ReserveStockUseCase.Reserved r)) {
                    continue;
                }
                Reservation res = r.reservation();
                switch (rnd.nextInt(4)) {
                    case 0 -> expectDoneOrNotHeld(confirm.confirm(res.id(), caller), unexpected);
                    case 1 -> expectDoneOrNotHeld(release.release(res.id(), caller), unexpected);
                    case 2 -> {
                        setExpiry(ds, res.id().value(), -1);
                        expiry.expireDue();
                    }
                    default -> {} // stays HELD
                }
            }
            return null;
        });
        expiry.expireDue();
        assertThat(unexpected).isEmpty();
        assertConsistent(audit, productId);
        assertThat(reserved(ds, productId)).isLessThanOrEqualTo(total(ds, productId));
    }

    private static void expectDoneOrNotHeld(ReservationTransitionResult result, ConcurrentLinkedQueue<String> bad) {
        if (!(result instanceof ReservationTransitionResult.Done)
                && !(result instanceof ReservationTransitionResult.NotHeld)) {
            bad.add(String.valueOf(result));
        }
    }

    @Test
    void confirmRacingExpiry_exactlyOneWins() throws Exception {
        ReserveStockUseCase reserve = useCase("batched");
        long productId = product(1000);
        String owner = UUID.randomUUID().toString();
        Caller caller = new Caller(owner, false);
        for (int i = 0; i < 30; i++) {
            var r = ((ReserveStockUseCase.Reserved)
                            reserve.reserve(new Command(productId, Quantity.of(2), owner, null)))
                    .reservation();
            setExpiry(ds, r.id().value(), ThreadLocalRandom.current().nextInt(-5, 15));
            Thread.sleep(5);
            List<Object> outcomes = concurrently(2, new Callable<>() {
                final AtomicInteger turn = new AtomicInteger();

                @Override
                public Object call() {
                    return turn.getAndIncrement() == 0 ? confirm.confirm(r.id(), caller) : expiry.expireDue();
                }
            });
            ReservationTransitionResult confirmResult = (ReservationTransitionResult) outcomes.stream()
                    .filter(o -> o instanceof ReservationTransitionResult)
                    .findFirst()
                    .orElseThrow();
            String status =
                    StockFixtures.queryString(ds, "SELECT status FROM stock.reservation WHERE id = ?", r.id().value());
            long finals = queryLong(
                    ds,
                    "SELECT count(*) FROM stock.ledger_entry WHERE reservation_id = ? "
                            + "AND type IN ('CONFIRM', 'EXPIRE', 'RELEASE')",
                    r.id().value());
            if (confirmResult instanceof ReservationTransitionResult.Done) {
                assertThat(status).isEqualTo("CONFIRMED");
            } else {
                assertThat(confirmResult).isEqualTo(new ReservationTransitionResult.NotHeld(ReservationStatus.EXPIRED));
                // Expired by the sweeper or by the confirm that found it overdue; swept now at the latest.
                expiry.expireDue();
                assertThat(StockFixtures.queryString(
                                ds, "SELECT status FROM stock.reservation WHERE id = ?", r.id().value()))
                        .isEqualTo("EXPIRED");
                finals = queryLong(
                        ds,
                        "SELECT count(*) FROM stock.ledger_entry WHERE reservation_id = ? "
                                + "AND type IN ('CONFIRM', 'EXPIRE', 'RELEASE')",
                        r.id().value());
            }
            assertThat(finals).isEqualTo(1);
        }
        assertConsistent(audit, productId);
    }

    @Test
    void confirmRacingRelease_exactlyOneWins() throws Exception {
        ReserveStockUseCase reserve = useCase("atomic");
        long productId = product(1000);
        String owner = UUID.randomUUID().toString();
        Caller caller = new Caller(owner, false);
        for (int i = 0; i < 30; i++) {
            var r = ((ReserveStockUseCase.Reserved)
                            reserve.reserve(new Command(productId, Quantity.of(1), owner, null)))
                    .reservation();
            AtomicInteger turn = new AtomicInteger();
            List<ReservationTransitionResult> results = concurrently(
                    2,
                    () -> turn.getAndIncrement() == 0
                            ? confirm.confirm(r.id(), caller)
                            : release.release(r.id(), caller));
            assertThat(results.stream()
                            .filter(x -> x instanceof ReservationTransitionResult.Done)
                            .count())
                    .isEqualTo(1);
            assertThat(results.stream()
                            .filter(x -> x instanceof ReservationTransitionResult.NotHeld)
                            .count())
                    .isEqualTo(1);
            assertThat(queryLong(
                            ds,
                            "SELECT count(*) FROM stock.ledger_entry WHERE reservation_id = ? "
                                    + "AND type IN ('CONFIRM', 'EXPIRE', 'RELEASE')",
                            r.id().value()))
                    .isEqualTo(1);
        }
        assertConsistent(audit, productId);
    }
}
