package io.shopcore.loadtest;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The oversell test under load: one product with {@code -Dunits} units (default 100), {@code users}
 * customers start together and each reserves 1 unit after another until someone is told 409 (sold out)
 * or the duration ends. Afterwards, checked against the service and failing loudly otherwise: exactly
 * {@code units} reservations answered 201, every other attempt 409 {@code insufficient_stock} (nothing
 * else), the stock level shows total = reserved = units and available = 0, and the audit is clean.
 */
public class SellOutSimulation extends ShopcoreSimulation {

    private final int units = LoadParams.intProp("units", 100);
    private final AtomicBoolean soldOut = new AtomicBoolean();
    private volatile long productId;

    public SellOutSimulation() {
        ScenarioBuilder race = scenario("SellOut")
                .feed(customerFeeder())
                .asLongAsDuring(session -> !soldOut.get(), session -> params.duration(), false).on(
                        exec(session -> beforeReserve(session).set("productId", productId).set("qty", 1))
                                .exec(reserve())
                                .exec(session -> {
                                    countReservation(session);
                                    if (session.contains("reserveStatus") && session.getInt("reserveStatus") == 409) {
                                        soldOut.set(true);
                                    }
                                    return session;
                                }));
        setUp(race.injectOpen(users())).protocols(protocol).assertions(noFailures());
    }

    @Override
    protected void prepare() {
        prepareCustomers();
        productId = client.createProduct(adminToken(), "Sell-out " + System.currentTimeMillis(), 49_000, units);
        System.out.println("SellOut: product " + productId + " with " + units + " units, " + params.users() + " users");
    }

    @Override
    protected void check() {
        JsonNode level = client.stockLevel(productId);
        long attempts = reserved.sum() + insufficient.sum() + otherOutcome.sum();
        verdict.info(outcomeCounts() + " of " + attempts + " attempts; product " + productId + " " + level)
                .check(soldOut.get(), "the product sold out within the duration (someone got 409)")
                .check(reserved.sum() == units, "exactly " + units + " reservations answered 201 (" + reserved.sum() + ")")
                .check(otherOutcome.sum() == 0 && insufficient.sum() == attempts - units,
                        "every other attempt answered 409 insufficient_stock (" + insufficient.sum() + " of "
                                + (attempts - units) + ")")
                .check(level.get("total").asLong() == units && level.get("reserved").asLong() == units
                                && level.get("available").asLong() == 0,
                        "stock level total = reserved = " + units + ", available = 0");
        JsonNode audit = client.audit(adminToken(), productId);
        verdict.check(audit.get("consistent").asBoolean(), "stock audit of product " + productId + ": " + audit);
    }
}
