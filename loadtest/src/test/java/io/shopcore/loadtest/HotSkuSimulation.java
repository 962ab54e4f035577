package io.shopcore.loadtest;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ScenarioBuilder;

/**
 * A flash sale: every reservation (1 unit) goes to one product with a huge stock (1,000,000,000 units,
 * created in {@link #before()}), {@code users} concurrent customers (50 and 200 in the comparison). Run per
 * reservation strategy by {@code run.sh compare}. Afterwards the product's reserved count must equal the
 * 201s counted here (nothing lost, nothing doubled; valid while the run is shorter than the reservation
 * TTL, {@code -DreservationTtl} seconds, default 600) and its audit must be clean.
 */
public class HotSkuSimulation extends ShopcoreSimulation {

    private static final int STOCK = 1_000_000_000;
    private volatile long hotId;

    @Override
    protected int defaultUsers() {
        return 50;
    }

    public HotSkuSimulation() {
        ScenarioBuilder hot = persistent("HotSku",
                feed(customerFeeder()),
                exec(session -> beforeReserve(session).set("productId", hotId).set("qty", 1))
                        .exec(reserve())
                        .exec(this::countReservation));
        setUp(hot.injectOpen(users())).protocols(protocol).assertions(noFailures());
    }

    @Override
    protected void prepare() {
        prepareCustomers();
        hotId = client.createProduct(adminToken(), "Flash sale " + System.currentTimeMillis(), 99_000, STOCK);
        System.out.println("HotSku: product " + hotId + " with " + STOCK + " units");
    }

    @Override
    protected void check() {
        JsonNode level = client.stockLevel(hotId);
        long ttl = Long.getLong("reservationTtl", 600);
        verdict.info(outcomeCounts() + "; product " + hotId + " " + level)
                .check(insufficient.sum() == 0, "no reservation of the hot product was refused for lack of stock")
                .check(level.get("total").asLong() == STOCK, "total unchanged at " + STOCK);
        if (params.maxFailedPercent() <= 0) {
            verdict.check(otherOutcome.sum() == 0, "every reservation answered 201");
        }
        if (params.ramp().plus(params.duration()).toSeconds() < ttl) {
            verdict.check(level.get("reserved").asLong() == reserved.sum(),
                    "reserved (" + level.get("reserved") + ") = reservations answered 201 (" + reserved.sum() + ")");
        }
        JsonNode audit = client.audit(adminToken(), hotId);
        verdict.check(audit.get("consistent").asBoolean(), "stock audit of product " + hotId + ": " + audit);
    }
}
