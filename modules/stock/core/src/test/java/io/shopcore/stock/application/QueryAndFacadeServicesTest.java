package io.shopcore.stock.application;

import static io.shopcore.stock.application.StockFakes.NOW;
import static io.shopcore.stock.application.StockFakes.TTL;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.stock.application.port.in.AuditStockUseCase;
import io.shopcore.stock.application.port.in.Caller;
import io.shopcore.stock.application.port.out.ReservationStrategy;
import io.shopcore.stock.domain.LedgerEntry;
import io.shopcore.stock.domain.LedgerType;
import io.shopcore.stock.domain.Quantity;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationId;
import io.shopcore.stock.domain.ReservationStatus;
import io.shopcore.stock.domain.StockAudit;
import io.shopcore.stock.domain.StockLevel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The read services, the published facade and the audit over the fakes. */
class QueryAndFacadeServicesTest {

    final StockFakes f = new StockFakes();
    final StockQueryService queries = new StockQueryService(f.stock, f.reservations, f.ledger, f.clock);
    final StockAvailabilityService facade = new StockAvailabilityService(f.stock, f.ledger, f.clock);

    Reservation reserve(String owner, int quantity) {
        return ((ReservationStrategy.Reserved) f.strategy.reserve(new ReservationStrategy.Request(
                        ReservationId.newId(), 1, Quantity.of(quantity), owner, null, TTL)))
                .reservation();
    }

    @Test
    void givenNewProduct_registerProduct_createsTheLevel_andAnInitialAdjustOnce() {
        facade.registerProduct(1, 10);
        facade.registerProduct(1, 99);
        assertThat(f.stock.stored(1)).isEqualTo(new StockLevel(1, 10, 0));
        assertThat(f.ledger.of(1))
                .containsExactly(LedgerEntry.reconstitute(
                        1, 1, LedgerType.ADJUST, 10, null, StockAvailabilityService.INITIAL_STOCK_REASON, NOW));
    }

    @Test
    void givenNoInitialStock_registerProduct_writesNoLedgerEntry() {
        facade.registerProduct(2, 0);
        assertThat(f.stock.stored(2)).isEqualTo(new StockLevel(2, 0, 0));
        assertThat(f.ledger.of(2)).isEmpty();
    }

    @Test
    void availableFor_answersActiveProducts_andNothingForNoIds() {
        facade.registerProduct(1, 10);
        facade.registerProduct(2, 5);
        facade.retireProduct(2);
        assertThat(facade.availableFor(List.of(1L, 2L, 3L))).isEqualTo(Map.of(1L, 10));
        assertThat(facade.availableFor(List.of())).isEmpty();
        assertThat(facade.availableFor(null)).isEmpty();
        assertThat(queries.stockLevel(2)).isEmpty();
        assertThat(queries.stockLevel(1)).contains(new StockLevel(1, 10, 0));
    }

    @Test
    void givenLedger_ledgerQuery_pagesNewestFirst_andIsEmptyForUnknownProducts() {
        facade.registerProduct(1, 10);
        reserve("alice", 1);
        reserve("alice", 2);
        var page = queries.ledger(1, 1, 2).orElseThrow();
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(LedgerEntry::type).containsExactly(LedgerType.ADJUST);
        assertThat(queries.ledger(1, 0, 2).orElseThrow().items())
                .extracting(LedgerEntry::quantity)
                .containsExactly(2, 1);
        assertThat(queries.ledger(9, 0, 2)).isEmpty();
        facade.retireProduct(1);
        assertThat(queries.ledger(1, 0, 2)).isPresent();
    }

    @Test
    void givenReservations_reservationQuery_showsOwnOnly_adminAll_withExpiryApplied() {
        facade.registerProduct(1, 10);
        Reservation mine = reserve("alice", 1);
        assertThat(queries.reservation(mine.id(), new Caller("alice", false))).contains(mine);
        assertThat(queries.reservation(mine.id(), new Caller("bob", false))).isEmpty();
        assertThat(queries.reservation(mine.id(), new Caller("root", true))).contains(mine);
        assertThat(queries.reservation(ReservationId.newId(), new Caller("root", true)))
                .isEmpty();
        f.clock.set(mine.expiresAt());
        assertThat(queries.reservation(mine.id(), new Caller("alice", false))
                        .orElseThrow()
                        .status())
                .isEqualTo(ReservationStatus.EXPIRED);
    }

    @Test
    void givenReservationsOfTwoUsers_list_isOwnForUsers_everyonesForAdmins_pagedAndWithExpiryApplied() {
        facade.registerProduct(1, 10);
        Reservation a1 = reserve("alice", 1);
        f.clock.advance(Duration.ofSeconds(1));
        Reservation b1 = reserve("bob", 1);
        f.clock.advance(Duration.ofSeconds(1));
        Reservation a2 = reserve("alice", 2);

        var alices = queries.reservations(new Caller("alice", false), null, 0, 10);
        assertThat(alices.items()).containsExactly(a2, a1);
        assertThat(alices.total()).isEqualTo(2);
        var everyone = queries.reservations(new Caller("root", true), null, 1, 1);
        assertThat(everyone.items()).containsExactly(b1);
        assertThat(everyone.total()).isEqualTo(3);

        f.clock.set(a1.expiresAt());
        var expired = queries.reservations(new Caller("alice", false), ReservationStatus.EXPIRED, 0, 10);
        assertThat(expired.items()).containsExactly(a1.withStatus(ReservationStatus.EXPIRED));
        assertThat(queries.reservations(new Caller("alice", false), ReservationStatus.HELD, 0, 10)
                        .items())
                .containsExactly(a2);
    }

    @Test
    void audit_checksEveryProductsFigures_andListsEachViolation() {
        List<Long> asked = new ArrayList<>();
        var audit = new AuditStockService(productId -> {
            asked.add(productId);
            return List.of(new StockAudit.Figures(1, 10, 2, 2, 10, 2), new StockAudit.Figures(2, 5, 6, 1, 5, 6));
        });
        AuditStockUseCase.Report report = audit.audit(null);
        assertThat(report.productsChecked()).isEqualTo(2);
        assertThat(report.consistent()).isFalse();
        assertThat(report.violations())
                .extracting(StockAudit.Violation::rule)
                .containsExactly("reserved_in_range", "reserved_equals_held");
        assertThat(report.violations())
                .allSatisfy(v -> assertThat(v.productId()).isEqualTo(2));
        assertThat(new AuditStockService(id -> List.of(new StockAudit.Figures(1, 1, 0, 0, 1, 0)))
                        .audit(1L)
                        .consistent())
                .isTrue();
        assertThat(asked).containsExactly((Long) null);
    }
}
