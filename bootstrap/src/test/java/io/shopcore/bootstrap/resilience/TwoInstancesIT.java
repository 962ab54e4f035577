package io.shopcore.bootstrap.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shopcore.bootstrap.support.Concurrently;
import io.shopcore.bootstrap.support.PackagedApp;
import io.shopcore.bootstrap.support.ProdServices;
import io.shopcore.bootstrap.support.ShopClient;
import io.shopcore.bootstrap.support.ShopClient.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged service (blue and green, as during a rollout) against one database and one Redis.
 * <ol>
 *   <li>A reservation load over both, on one hot product and on many: every product sells exactly its stock,
 *       never more (no oversell), and the audit is clean.
 *   <li>The same {@code Idempotency-Key} sent to both at the same instant reserves once: both answers carry the
 *       same reservation, one of them replayed, and one row exists.
 *   <li>Every reservation falls due at once (its times moved a day back in the database, rather than waiting for a
 *       short TTL, so the test does not depend on how fast this machine runs the load) while both expiry sweepers
 *       run every second in small batches, and confirmations race them on both instances: each reservation is
 *       expired exactly once (one EXPIRE ledger entry, no confirmation), its stock comes back exactly once, and
 *       the audit is clean.
 * </ol>
 */
class TwoInstancesIT {

    private static final String ADMIN_PASSWORD = "colours-admin-password-1";
    private static final String PASSWORD = "colours-password-123";
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int THREADS = 16;
    private static final int HOT_STOCK = 60;
    private static final int OTHER_PRODUCTS = 30;
    private static final int OTHER_STOCK = 5;
    private static final int KEYS = 25;
    private static final int RACING_CONFIRMS = 40;
    private static final Pattern EXPIRED_LOG = Pattern.compile("stock: expired (\\d+) reservations");

    private final List<PackagedApp> apps = new ArrayList<>();

    @AfterEach
    void stopApps() {
        apps.forEach(PackagedApp::close);
    }

    @Test
    void givenBlueAndGreen_reservationLoad_neverOversells_keysReserveOnce_andEachHoldExpiresOnce() throws Exception {
        ProdServices services = ProdServices.fresh("shopcore_test_colours", 8);
        Map<String, String> settings = new LinkedHashMap<>(services.settings("admin", ADMIN_PASSWORD));
        // both sweepers every second, in small batches, so their runs overlap on the same overdue rows
        settings.put("shopcore.stock.sweep-interval", "1s");
        settings.put("shopcore.stock.sweep-batch-size", "10");
        settings.put("quarkus.log.category.\"io.shopcore.stock.adapter.in.scheduler\".level", "DEBUG");
        // blue first: it migrates and creates the admin; green then joins the same database
        PackagedApp blue = started(PackagedApp.start("blue", settings));
        PackagedApp green = started(PackagedApp.start("green", settings));
        ShopClient blueApi = new ShopClient(blue.baseUri());
        ShopClient greenApi = new ShopClient(green.baseUri());
        List<ShopClient> colours = List.of(blueApi, greenApi);

        String admin = blueApi.login("admin", ADMIN_PASSWORD);
        long category = blueApi.createCategory(admin, "Colours");
        Map<Long, Integer> stock = new LinkedHashMap<>();
        long hot = greenApi.createProduct(admin, category, "Colours hot product", "1000", HOT_STOCK);
        stock.put(hot, HOT_STOCK);
        for (int i = 0; i < OTHER_PRODUCTS; i++) {
            ShopClient api = colours.get(i % 2);
            stock.put(api.createProduct(admin, category, "Colours product " + i, "500", OTHER_STOCK), OTHER_STOCK);
        }
        blueApi.register("colours-buyer", PASSWORD);
        String customer = greenApi.login("colours-buyer", PASSWORD);

        // ---- 1. no oversell across instances ------------------------------------------------------------
        List<Long> productIds = List.copyOf(stock.keySet());
        Map<Long, Set<UUID>> sold = new ConcurrentHashMap<>();
        productIds.forEach(p -> sold.put(p, ConcurrentHashMap.newKeySet()));
        Map<Integer, AtomicInteger> byColour = Map.of(0, new AtomicInteger(), 1, new AtomicInteger());
        AtomicInteger threadIndex = new AtomicInteger();
        Concurrently.run(THREADS, () -> {
            int colour = threadIndex.getAndIncrement() % 2;
            ShopClient api = colours.get(colour);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Set<Long> soldOut = new HashSet<>();
            while (soldOut.size() < productIds.size()) {
                long product = !soldOut.contains(hot) && random.nextBoolean()
                        ? hot
                        : productIds.get(random.nextInt(productIds.size()));
                if (soldOut.contains(product)) {
                    continue;
                }
                Answer a = api.reserve(customer, product, 1, null);
                switch (a.status()) {
                    case 201 -> {
                        assertThat(sold.get(product).add(UUID.fromString(a.text("id"))))
                                .as("a new reservation id")
                                .isTrue();
                        byColour.get(colour).incrementAndGet();
                    }
                    case 409 -> {
                        assertThat(a.text("code")).as(a.raw()).isEqualTo("insufficient_stock");
                        soldOut.add(product);
                    }
                    case 503 -> {
                        // overloaded: not reserved, the client tries again
                    }
                    default -> throw new AssertionError("unexpected answer " + a);
                }
            }
            return null;
        });
        for (long product : productIds) {
            assertThat(sold.get(product))
                    .as("reservations of product " + product)
                    .hasSize(stock.get(product));
            for (ShopClient api : colours) {
                Answer level = api.get("/api/v1/stock/" + product);
                assertThat(level.number("reserved")).as(level.raw()).isEqualTo((long) stock.get(product));
                assertThat(level.number("available")).as(level.raw()).isZero();
            }
        }
        assertThat(byColour.get(0).get()).as("blue reserved").isPositive();
        assertThat(byColour.get(1).get()).as("green reserved").isPositive();
        assertThat(countPerProduct(services, "SELECT product_id, count(*) FROM stock.reservation GROUP BY product_id"))
                .as("reservation rows per product")
                .isEqualTo(toLongs(stock));
        assertAuditClean(greenApi, admin);

        // ---- 2. one Idempotency-Key, sent to both instances at once, reserves once ------------------------
        long keyed = blueApi.createProduct(admin, category, "Colours keyed product", "700", 1000);
        String prefix = "colours-" + UUID.randomUUID() + "-";
        AtomicInteger sent = new AtomicInteger();
        Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
        Concurrently.run(2 * KEYS, () -> {
            int i = sent.getAndIncrement();
            String key = prefix + (i / 2);
            Answer a = colours.get(i % 2).reserve(customer, keyed, 1, key);
            answers.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(a);
            return null;
        });
        assertThat(answers).hasSize(KEYS);
        Set<String> keyedIds = new HashSet<>();
        answers.forEach((key, both) -> {
            assertThat(both).hasSize(2);
            for (Answer a : both) {
                assertThat(a.status()).as(key + ": " + a).isEqualTo(201);
            }
            assertThat(both.get(0).text("id")).as(key).isEqualTo(both.get(1).text("id"));
            assertThat(both.stream().filter(a -> "true".equals(a.header("Idempotent-Replayed"))))
                    .as(key + ": exactly one answer is the replay")
                    .hasSize(1);
            keyedIds.add(both.get(0).text("id"));
        });
        assertThat(keyedIds).hasSize(KEYS);
        assertThat(countPerProduct(
                        services,
                        "SELECT product_id, count(*) FROM stock.reservation WHERE product_id = " + keyed
                                + " GROUP BY product_id"))
                .as("one reservation row per key")
                .isEqualTo(Map.of(keyed, (long) KEYS));
        assertThat(greenApi.get("/api/v1/stock/" + keyed).number("reserved")).isEqualTo(KEYS);
        stock.put(keyed, 1000);

        // ---- 3. every hold falls due; two sweepers and confirmations race; each expires exactly once ----------
        List<String> racing = sold.get(hot).stream()
                .limit(RACING_CONFIRMS)
                .map(UUID::toString)
                .toList();
        int held = HOT_STOCK + OTHER_PRODUCTS * OTHER_STOCK + KEYS;
        try (Connection c = services.connect();
                Statement st = c.createStatement()) {
            // a day later for these rows: both times move, so each reservation keeps its own TTL
            assertThat(st.executeUpdate("UPDATE stock.reservation SET created_at = created_at - interval '1 day', "
                            + "expires_at = expires_at - interval '1 day' WHERE status = 'HELD'"))
                    .isEqualTo(held);
        }
        AtomicInteger confirmIndex = new AtomicInteger();
        List<Answer> confirms = Concurrently.run(racing.size(), () -> {
            int i = confirmIndex.getAndIncrement();
            return colours.get(i % 2).post("/api/v1/reservations/" + racing.get(i) + "/confirm", customer, null);
        });
        for (Answer a : confirms) {
            assertThat(a.status()).as("confirming an overdue reservation: " + a).isEqualTo(409);
            assertThat(a.text("code")).isEqualTo("reservation_not_held");
        }
        await("both sweepers expired every overdue reservation")
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> count(services, "SELECT count(*) FROM stock.reservation WHERE status = 'HELD'") == 0);

        try (Connection c = services.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT r.id, r.status, "
                        + "count(l.id) FILTER (WHERE l.type = 'RESERVE') AS reserves, "
                        + "count(l.id) FILTER (WHERE l.type = 'EXPIRE') AS expiries, "
                        + "count(l.id) FILTER (WHERE l.type IN ('CONFIRM', 'RELEASE')) AS other_ends "
                        + "FROM stock.reservation r LEFT JOIN stock.ledger_entry l ON l.reservation_id = r.id "
                        + "GROUP BY r.id, r.status")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                String id = rs.getString("id");
                assertThat(rs.getString("status")).as(id).isEqualTo("EXPIRED");
                assertThat(rs.getLong("reserves"))
                        .as("RESERVE entries of " + id)
                        .isEqualTo(1);
                assertThat(rs.getLong("expiries")).as("EXPIRE entries of " + id).isEqualTo(1);
                assertThat(rs.getLong("other_ends"))
                        .as("CONFIRM/RELEASE entries of " + id)
                        .isZero();
            }
            assertThat(rows).isEqualTo(held);
        }
        for (Map.Entry<Long, Integer> product : stock.entrySet()) {
            for (ShopClient api : colours) {
                Answer level = api.get("/api/v1/stock/" + product.getKey());
                assertThat(level.number("reserved"))
                        .as("stock given back once: " + level.raw())
                        .isZero();
                assertThat(level.number("total")).as(level.raw()).isEqualTo((long) product.getValue());
                assertThat(level.number("available")).as(level.raw()).isEqualTo((long) product.getValue());
            }
        }
        assertAuditClean(blueApi, admin);
        System.out.printf(
                "TwoInstancesIT: reservations blue %d, green %d; expired by blue's sweeper %d, by green's %d (of %d)%n",
                byColour.get(0).get(), byColour.get(1).get(), expiredBy(blue), expiredBy(green), held);
    }

    private PackagedApp started(PackagedApp app) {
        apps.add(app);
        return app.awaitReady(START);
    }

    private static void assertAuditClean(ShopClient api, String admin) throws IOException {
        Answer audit = api.audit(admin);
        assertThat(audit.body().path("consistent").asBoolean()).as(audit.raw()).isTrue();
    }

    private static long count(ProdServices services, String sql) throws SQLException {
        try (Connection c = services.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<Long, Long> countPerProduct(ProdServices services, String sql) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        try (Connection c = services.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static Map<Long, Long> toLongs(Map<Long, Integer> stock) {
        Map<Long, Long> out = new HashMap<>();
        stock.forEach((k, v) -> out.put(k, (long) v));
        return out;
    }

    /** Reservations this instance's sweeper expired, from its debug log lines (for the report, not asserted). */
    private static int expiredBy(PackagedApp app) throws IOException {
        int total = 0;
        Matcher m = EXPIRED_LOG.matcher(Files.readString(app.log(), StandardCharsets.UTF_8));
        while (m.find()) {
            total += Integer.parseInt(m.group(1));
        }
        return total;
    }
}
