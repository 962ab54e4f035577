package io.shopcore.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * The report's scenario ({@code optimistic_1000_50}, DESIGN.md section 1) replayed by request count: every
 * step of a virtual user is one of the report's four endpoints, drawn with the report's weights (token
 * 1,000 : product list 1,029 : stock availability 303 : reservation 144 of 2,476), 50 persistent users.
 * Logins are part of the mix on purpose (Argon2id, ~30-60 ms of CPU each), as in the report; the users
 * are registered beforehand so that registration is not measured. Product pages are drawn from 0..49
 * ({@code -Dpages}), products for availability and reservations from the first 1,000 ({@code -Dproducts}).
 *
 * <p>By default a login answered 503 (the hashing gate: more logins than the cores can hash) is a failed
 * request and fails the run, as the report's client had no notion of it. With {@code -DretryAfter=true}
 * ({@code run.sh seed-replay --sim-arg retryAfter=true}) the users behave like a client that honours
 * {@code 503 + Retry-After}: the refusal is an expected answer, the user waits as long as it says, then
 * goes on with its next step. The verdict then counts the refusals, and the successful answers per second
 * are the requests minus them.
 */
public class SeedReplaySimulation extends ShopcoreSimulation {

    private final int pagesWanted = LoadParams.intProp("pages", 50);
    private final int productsWanted = LoadParams.intProp("products", 1000);
    private volatile List<Long> productIds = List.of();
    private volatile int pages = 1;
    private final boolean honourRetryAfter = Boolean.parseBoolean(System.getProperty("retryAfter", "false"));
    private final LongAdder loginsIssued = new LongAdder();
    private final LongAdder loginsRefused = new LongAdder();

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
                        percent(40.39).then(honourRetryAfter ? politeLogin() : exec(login())),
                        percent(41.56).then(exec(productPage())),
                        percent(12.24).then(exec(availability())),
                        percent(5.81).then(exec(reserve()).exec(this::countReservation)))));
        setUp(seed.injectOpen(users())).protocols(protocol).assertions(noFailures());
    }

    /** A login whose 503 is an answer: counted, then the user waits Retry-After seconds (at least 1). */
    private ChainBuilder politeLogin() {
        return exec(http("POST /auth/token").post("/api/v1/auth/token")
                        .body(StringBody("{\"username\":\"#{username}\",\"password\":\"#{password}\"}"))
                        .check(status().in(200, 503).saveAs("loginStatus"),
                                header("Retry-After").optional().saveAs("retryAfter")))
                .exec(session -> {
                    (session.getInt("loginStatus") == 200 ? loginsIssued : loginsRefused).increment();
                    return session;
                })
                .doIf(session -> session.getInt("loginStatus") == 503)
                .then(pause(SeedReplaySimulation::retryAfter));
    }

    private static Duration retryAfter(Session session) {
        String header = session.contains("retryAfter") ? session.getString("retryAfter") : null;
        try {
            return Duration.ofSeconds(Math.max(1, header == null ? 1 : Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
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
        if (honourRetryAfter) {
            verdict.info("logins (503 + Retry-After honoured): " + loginsIssued.sum() + " x 200, " + loginsRefused.sum()
                            + " x 503 refused by the hashing gate (counted as OK requests by Gatling; successful"
                            + " answers = requests - refusals)")
                    .check(loginsIssued.sum() > 0, "some logins succeeded");
        }
    }
}
