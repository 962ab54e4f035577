package io.shopcore.loadtest;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.feed;

import io.gatling.javaapi.core.ScenarioBuilder;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The report's scenario ({@code optimistic_1000_50}, DESIGN.md section 1) replayed by request count: every
 * step of a virtual user is one of the report's four endpoints, drawn with the report's weights (token
 * 1,000 : product list 1,029 : stock availability 303 : reservation 144 of 2,476), 50 persistent users.
 * Logins are part of the mix on purpose (Argon2id, ~30-60 ms of CPU each), as in the report; the users
 * are registered beforehand so that registration is not measured. Product pages are drawn from 0..49
 * ({@code -Dpages}), products for availability and reservations from the first 1,000 ({@code -Dproducts}).
 */
public class SeedReplaySimulation extends ShopcoreSimulation {

    private final int pagesWanted = LoadParams.intProp("pages", 50);
    private final int productsWanted = LoadParams.intProp("products", 1000);
    private volatile List<Long> productIds = List.of();
    private volatile int pages = 1;

    @Override
    protected int defaultUsers() {
        return 50;
    }

    public SeedReplaySimulation() {
        ScenarioBuilder seed = persistent("SeedReplay", feed(customerFeeder()), exec(session -> beforeReserve(session)
                        .set("page", ThreadLocalRandom.current().nextInt(pages))
                        .set("productId", productIds.get(ThreadLocalRandom.current().nextInt(productIds.size())))
                        .set("qty", 1))
                // 1,000 / 1,029 / 303 / 144 of 2,476 requests in the report
                .exec(randomSwitch().on(
                        percent(40.39).then(exec(login())),
                        percent(41.56).then(exec(productPage())),
                        percent(12.24).then(exec(availability())),
                        percent(5.81).then(exec(reserve()).exec(this::countReservation)))));
        setUp(seed.injectOpen(users())).protocols(protocol).assertions(noFailures());
    }

    @Override
    protected void prepare() {
        prepareCustomers();
        productIds = client.productIds(productsWanted);
        if (productIds.isEmpty()) {
            throw new IllegalStateException("the catalog is empty: start the service with demo data (run.sh does)");
        }
        pages = (int) Math.max(1, Math.min(pagesWanted, (client.productCount() + 19) / 20));
        System.out.printf("SeedReplay: %d products, pages 0..%d%n", productIds.size(), pages - 1);
    }

    @Override
    protected void check() {
        verdict.info(outcomeCounts()).check(otherOutcome.sum() == 0, "every reservation answered 201 or 409");
    }
}
