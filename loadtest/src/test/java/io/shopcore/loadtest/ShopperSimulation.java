package io.shopcore.loadtest;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A shopper logs in once (by default the token of a pre-created customer, as a logged-in browser would
 * have; {@code -Dlogin=true} makes it a measured POST /auth/token), then repeats visits for the duration:
 * browse 1-3 random product pages, check the availability of a product seen there, reserve 1-3 units of
 * it, then confirm (30 %), release (30 %) or leave the hold to expire (40 %).
 */
public class ShopperSimulation extends ShopcoreSimulation {

    private final boolean withLogin = Boolean.getBoolean("login");
    private final int pagesWanted = LoadParams.intProp("pages", 50);
    private volatile int pages = 1;
    private final java.util.concurrent.atomic.LongAdder confirmed = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder released = new java.util.concurrent.atomic.LongAdder();

    public ShopperSimulation() {
        ScenarioBuilder shopper = persistent("Shopper",
                feed(customerFeeder()).exec(doIf(session -> withLogin).then(exec(login()))),
                exec(session -> session.remove("pickedId"))
                .exec(repeat(session -> 1 + ThreadLocalRandom.current().nextInt(3)).on(
                        exec(session -> session.set("page", ThreadLocalRandom.current().nextInt(pages)))
                                .exec(productPage())))
                .exec(doIf(session -> session.contains("pickedId")).then(
                        exec(session -> beforeReserve(session)
                                .set("productId", session.getLong("pickedId"))
                                .set("qty", 1 + ThreadLocalRandom.current().nextInt(3)))
                                .exec(availability())
                                .exec(reserve())
                                .exec(this::countReservation)
                                .exec(doIf(session -> session.contains("reservationId")).then(randomSwitch().on(
                                        percent(30).then(exec(http("POST /reservations/{id}/confirm")
                                                .post("/api/v1/reservations/#{reservationId}/confirm")
                                                .header("Authorization", "Bearer #{token}")
                                                .check(status().is(200)))
                                                .exec(session -> { confirmed.increment(); return session; })),
                                        percent(30).then(exec(http("POST /reservations/{id}/release")
                                                .post("/api/v1/reservations/#{reservationId}/release")
                                                .header("Authorization", "Bearer #{token}")
                                                .check(status().is(200)))
                                                .exec(session -> { released.increment(); return session; }))))))));
        setUp(shopper.injectOpen(users())).protocols(protocol).assertions(noFailures());
    }

    @Override
    protected void prepare() {
        prepareCustomers();
        long products = client.productCount();
        if (products == 0) {
            throw new IllegalStateException("the catalog is empty: start the service with demo data (run.sh does)");
        }
        pages = (int) Math.max(1, Math.min(pagesWanted, (products + 19) / 20));
    }

    @Override
    protected void check() {
        verdict.info(outcomeCounts() + "; then " + confirmed.sum() + " confirmed, " + released.sum() + " released")
                .check(otherOutcome.sum() == 0, "every reservation answered 201 or 409")
                .check(reserved.sum() > 0, "at least one reservation succeeded");
    }
}
