package io.shopcore.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What every shopcore simulation shares: parameters, the HTTP protocol (loopback only, connections shared
 * by the virtual users like a pool of clients, no Gatling warm-up call to any outside host), the requests
 * named as in the report's table, a feeder of pre-created customers, reservation outcome counters and the
 * zero-failure assertion.
 */
public abstract class ShopcoreSimulation extends Simulation {

    protected final LoadParams params = LoadParams.fromSystemProperties(defaultUsers());
    protected final ShopcoreClient client = new ShopcoreClient(params.base());
    protected final Verdict verdict = new Verdict(getClass().getSimpleName());

    /** Filled in {@link #before()}: Gatling reads feeders only once the run has started. */
    protected final List<ShopcoreClient.Customer> customers = new ArrayList<>();

    protected final LongAdder reserved = new LongAdder();
    protected final LongAdder insufficient = new LongAdder();
    protected final LongAdder otherOutcome = new LongAdder();

    protected final HttpProtocolBuilder protocol = http.baseUrl(params.base())
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .userAgentHeader("shopcore-loadtest")
            .shareConnections()
            .warmUp(params.base() + "/api/v1/health");

    protected int defaultUsers() {
        return 10;
    }

    /** Registers and logs in {@code params.tokens()} customers (unmeasured). */
    protected void prepareCustomers() {
        long start = System.nanoTime();
        customers.addAll(client.customers(getClass().getSimpleName().replace("Simulation", "").toLowerCase(), params.tokens()));
        System.out.printf("%s: %d customers registered and logged in (%d ms, not measured); %s%n",
                getClass().getSimpleName(), customers.size(), (System.nanoTime() - start) / 1_000_000, params);
    }

    /** Round-robin over the pre-created customers: {@code #{username}}, {@code #{password}}, {@code #{token}}. */
    protected Iterator<Map<String, Object>> customerFeeder() {
        AtomicInteger next = new AtomicInteger();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                return customers.get(Math.floorMod(next.getAndIncrement(), customers.size())).asFeederRecord();
            }
        };
    }

    /**
     * {@code users} persistent virtual users, like Locust's: started together or evenly over the ramp, each
     * then repeating its scenario's step for the duration (see {@link #persistent}), so there are
     * {@code users} requests in flight at most and the run lasts ramp + duration.
     */
    protected OpenInjectionStep users() {
        return params.ramp().isZero() ? atOnceUsers(params.users()) : rampUsers(params.users()).during(params.ramp());
    }

    /** A virtual user: once {@code setUp} (feeder, login), then {@code step} over and over for the duration. */
    protected ScenarioBuilder persistent(String name, ChainBuilder setUp, ChainBuilder step) {
        // exitASAP false: a step always completes, so every request Gatling records was also counted by
        // the step's bookkeeping (Gatling's default would cut a user off between a response and its count).
        return scenario(name).exec(setUp).during(params.duration(), false).on(step);
    }

    /** No failed request at all (by default): a load test that errors has no latency worth reading. */
    protected Assertion noFailures() {
        return params.maxFailedPercent() <= 0 ? global().failedRequests().count().is(0L)
                : global().failedRequests().percent().lte(params.maxFailedPercent());
    }

    // ---- the requests, named like the report's rows ----

    protected static HttpRequestActionBuilder login() {
        return http("POST /auth/token").post("/api/v1/auth/token")
                .body(StringBody("{\"username\":\"#{username}\",\"password\":\"#{password}\"}"))
                .check(status().is(200), jsonPath("$.access_token").saveAs("token"));
    }

    protected static HttpRequestActionBuilder productPage() {
        return http("GET /products").get("/api/v1/products?page=#{page}&size=20")
                .check(status().is(200), jsonPath("$.items[*].id").findRandom().optional().saveAs("pickedId"));
    }

    protected static HttpRequestActionBuilder availability() {
        return http("GET /stock/{id}").get("/api/v1/stock/#{productId}")
                .check(status().is(200), jsonPath("$.available").exists());
    }

    /**
     * Reserves {@code #{qty}} of {@code #{productId}} as {@code #{token}}. 201 and 409 (insufficient_stock) are
     * both correct answers; the status lands in {@code reserveStatus} and the id in {@code reservationId}.
     */
    protected static HttpRequestActionBuilder reserve() {
        return http("POST /stock/{id}/reservations").post("/api/v1/stock/#{productId}/reservations")
                .header("Authorization", "Bearer #{token}")
                .body(StringBody("{\"quantity\":#{qty}}"))
                .check(status().in(201, 409).saveAs("reserveStatus"), jsonPath("$.id").optional().saveAs("reservationId"));
    }

    /** Clears the previous reservation's traces before the next attempt, so a failed check never reuses them. */
    protected static Session beforeReserve(Session session) {
        return session.remove("reserveStatus").remove("reservationId");
    }

    /** Counts the outcome of the last {@link #reserve()}. */
    protected Session countReservation(Session session) {
        if (!session.contains("reserveStatus")) {
            otherOutcome.increment();
        } else if (session.getInt("reserveStatus") == 201) {
            reserved.increment();
        } else {
            insufficient.increment();
        }
        return session;
    }

    protected String outcomeCounts() {
        return "reservations: " + reserved.sum() + " x 201, " + insufficient.sum() + " x 409 insufficient_stock, "
                + otherOutcome.sum() + " other";
    }

    protected String adminToken() {
        return client.token(params.adminUser(), params.adminPassword());
    }

    private volatile long measuredFrom;

    /** Unmeasured set-up (users, products); runs before the first virtual user starts. */
    protected abstract void prepare();

    /** The after-run checks, into {@link #verdict}; runs once the last virtual user has finished. */
    protected abstract void check();

    @Override
    public final void before() {
        prepare();
        measuredFrom = System.currentTimeMillis();
    }

    /**
     * Records the measured window (run.sh keeps only the CPU/RSS samples inside it), runs the checks and
     * writes the verdict; a check that throws is a failure too, and a hook that never ran leaves no
     * verdict, which run.sh treats as a failure.
     */
    @Override
    public final void after() {
        verdict.info("WINDOW " + measuredFrom + " " + System.currentTimeMillis());
        try {
            check();
        } catch (RuntimeException e) {
            verdict.fail("the after-run checks could not run: " + e);
        }
        verdict.write(params.verdictFile());
    }
}
