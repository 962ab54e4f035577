package io.shopcore.bootstrap.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shopcore.bootstrap.support.LoadRunner;
import io.shopcore.bootstrap.support.PackagedApp;
import io.shopcore.bootstrap.support.ProdServices;
import io.shopcore.bootstrap.support.ShopClient;
import io.shopcore.bootstrap.support.ShopClient.Answer;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service is killed with SIGKILL in the middle of a reservation load (one hot product and many
 * others, from many threads). The clients keep every 201 they received. After a restart on the same database the
 * service's invariant audit is clean and every acknowledged reservation exists, as acknowledged (product,
 * quantity, HELD, its RESERVE ledger entry): an answer is only sent after its commit, and what was not committed
 * is rolled back by PostgreSQL, never half-written.
 */
class CrashRecoveryIT {

    private static final String ADMIN_PASSWORD = "crash-admin-password-1";
    private static final String PASSWORD = "crash-password-123";
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int THREADS = 16;
    /** Acknowledged reservations to collect before the kill. */
    private static final int BEFORE_KILL = 300;

    private static final int OTHER_PRODUCTS = 20;
    private static final int STOCK = 100_000;

    private final List<PackagedApp> apps = new ArrayList<>();

    @AfterEach
    void stopApps() {
        apps.forEach(PackagedApp::close);
    }

    @Test
    void givenReservationLoad_sigkill_thenRestart_auditIsClean_andEveryAcknowledgedReservationExists()
            throws Exception {
        ProdServices services = ProdServices.fresh("shopcore_test_crash", 7);
        Map<String, String> settings = services.settings("admin", ADMIN_PASSWORD);
        PackagedApp first = started(PackagedApp.start("crash-before", settings));
        ShopClient api = new ShopClient(first.baseUri());

        String admin = api.login("admin", ADMIN_PASSWORD);
        long category = api.createCategory(admin, "Crash");
        long hot = api.createProduct(admin, category, "Crash hot product", "1000", STOCK);
        List<Long> products = new ArrayList<>(List.of(hot));
        for (int i = 0; i < OTHER_PRODUCTS; i++) {
            products.add(api.createProduct(admin, category, "Crash product " + i, "500", STOCK));
        }
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            api.register("crash-buyer-" + i, PASSWORD);
            customers.add(api.login("crash-buyer-" + i, PASSWORD));
        }

        record Acknowledged(long productId, int quantity) {}
        Map<UUID, Acknowledged> acknowledged = new ConcurrentHashMap<>();
        AtomicLong transportFailures = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        int exitCode;
        try (LoadRunner load = LoadRunner.start(THREADS, (thread, n) -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            // half the load on the hot product, the rest spread over the others
            long product = random.nextBoolean() ? hot : products.get(1 + random.nextInt(OTHER_PRODUCTS));
            int quantity = 1 + random.nextInt(3);
            Answer a;
            try {
                a = api.reserve(customers.get(thread % customers.size()), product, quantity, null);
            } catch (IOException e) {
                transportFailures.incrementAndGet(); // in flight at the kill, or sent after it: outcome unknown
                return;
            }
            switch (a.status()) {
                case 201 -> {
                    assertThat(a.number("productId")).isEqualTo(product);
                    assertThat(a.number("quantity")).isEqualTo(quantity);
                    acknowledged.put(UUID.fromString(a.text("id")), new Acknowledged(product, quantity));
                }
                case 503 -> refused.incrementAndGet(); // overloaded (queue full or waited too long): not reserved
                default -> throw new AssertionError("unexpected answer " + a);
            }
        })) {
            await("reservations acknowledged before the kill")
                    .atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> acknowledged.size() >= BEFORE_KILL || load.failureCount() > 0);

            exitCode = first.kill();

            await("the load ran into the crash")
                    .atMost(PATIENCE)
                    .until(() -> transportFailures.get() > 0 || load.failureCount() > 0);
            load.stop();
            assertThat(load.failures())
                    .as("unexpected answers before the crash")
                    .isEmpty();
        }
        assertThat(exitCode).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
        Map<UUID, Acknowledged> acks = Map.copyOf(acknowledged);

        PackagedApp second = started(PackagedApp.start("crash-after", settings));
        ShopClient restarted = new ShopClient(second.baseUri());
        String admin2 = restarted.login("admin", ADMIN_PASSWORD);

        Answer audit = restarted.audit(admin2);
        assertThat(audit.body().path("consistent").asBoolean()).as(audit.raw()).isTrue();
        assertThat(audit.number("productsChecked")).isEqualTo(products.size());

        Map<UUID, String> stored = new HashMap<>();
        try (Connection c = services.connect();
                PreparedStatement ps = c.prepareStatement("SELECT r.id, r.product_id, r.quantity, r.status, "
                        + "(SELECT count(*) FROM stock.ledger_entry l WHERE l.reservation_id = r.id AND l.type = 'RESERVE') AS reserve_entries "
                        + "FROM stock.reservation r WHERE r.id = ANY (?)")) {
            Array ids = c.createArrayOf("uuid", acks.keySet().toArray());
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject("id", UUID.class);
                    Acknowledged ack = acks.get(id);
                    assertThat(rs.getLong("product_id")).as("product of " + id).isEqualTo(ack.productId());
                    assertThat(rs.getInt("quantity")).as("quantity of " + id).isEqualTo(ack.quantity());
                    assertThat(rs.getString("status")).as("status of " + id).isEqualTo("HELD");
                    assertThat(rs.getLong("reserve_entries"))
                            .as("RESERVE entries of " + id)
                            .isEqualTo(1);
                    stored.put(id, rs.getString("status"));
                }
            }
        }
        assertThat(stored.keySet())
                .as("every acknowledged reservation exists after the crash")
                .containsExactlyInAnyOrderElementsOf(acks.keySet());

        // the restarted service shows them through the API (an admin sees every reservation) and takes new ones
        for (UUID id : acks.keySet().stream().limit(20).toList()) {
            Answer shown = restarted.get("/api/v1/reservations/" + id, admin2);
            ShopClient.expect(shown, 200);
            assertThat(shown.text("status")).isEqualTo("HELD");
        }
        String buyer = restarted.login("crash-buyer-0", PASSWORD);
        Answer after = restarted.reserve(buyer, hot, 1, null);
        ShopClient.expect(after, 201);
        System.out.printf(
                "CrashRecoveryIT: %d acknowledged before SIGKILL, %d transport failures, %d refused (503)%n",
                acks.size(), transportFailures.get(), refused.get());
    }

    private PackagedApp started(PackagedApp app) {
        apps.add(app);
        return app.awaitReady(START);
    }
}
