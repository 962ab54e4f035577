package io.shopcore.stock.adapter.out.persistence;

import io.shopcore.stock.application.BatchAdmission.KeyAnswer;
import io.shopcore.stock.application.BatchAdmission.KeyClaim;
import io.shopcore.stock.application.port.out.IdempotencyStore.Kind;
import io.shopcore.stock.application.port.out.ReservationStrategy.Reserved;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Claims idempotency keys inside a reservation transaction, before the stock rows are locked.
 * {@code INSERT ... ON CONFLICT DO NOTHING} waits for a concurrent claimer of the same key to end:
 * if it commits, this claim fails (and the caller replays the stored answer); if it rolls back,
 * this claim wins. Keys are inserted in (owner, key) order so two batches cannot deadlock.
 * The table stores the answer as a code ({@code outcome}); this class is the one place that maps it.
 * Both statements carry the reservation's statement timeout (a claim can wait for a concurrent claimer).
 */
final class IdempotencyClaims {

    /** Claimed by a transaction that has not recorded its answer yet (never visible after commit). */
    static final int PENDING = 0;

    private static final int RESERVED = 201;
    private static final int NOT_FOUND = 404;
    private static final int INSUFFICIENT = 409;

    private IdempotencyClaims() {}

    static int code(Kind kind) {
        return switch (kind) {
            case RESERVED -> RESERVED;
            case PRODUCT_NOT_FOUND -> NOT_FOUND;
            case INSUFFICIENT_STOCK -> INSUFFICIENT;
        };
    }

    /** The kind stored as {@code code}; null for a pending claim. */
    static Kind kind(int code) {
        return switch (code) {
            case RESERVED -> Kind.RESERVED;
            case NOT_FOUND -> Kind.PRODUCT_NOT_FOUND;
            case INSUFFICIENT -> Kind.INSUFFICIENT_STOCK;
            default -> null;
        };
    }

    /** Returns the claims this transaction won. */
    static Set<KeyClaim> claim(Connection c, List<KeyClaim> claims, Instant now, int timeoutSeconds)
            throws SQLException {
        Set<KeyClaim> won = new HashSet<>();
        if (claims.isEmpty()) {
            return won;
        }
        List<KeyClaim> sorted = new ArrayList<>(claims);
        sorted.sort(Comparator.comparing(KeyClaim::ownerId).thenComparing(KeyClaim::key));
        int n = sorted.size();
        String[] owners = new String[n];
        String[] keys = new String[n];
        Long[] products = new Long[n];
        Integer[] quantities = new Integer[n];
        Map<List<String>, KeyClaim> byKey = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            KeyClaim cl = sorted.get(i);
            owners[i] = cl.ownerId();
            keys[i] = cl.key();
            products[i] = cl.productId();
            quantities[i] = cl.quantity();
            byKey.put(List.of(cl.ownerId(), cl.key()), cl);
        }
        try (PreparedStatement ps = Jdbc.prepare(
                c,
                timeoutSeconds,
                "INSERT INTO stock.idempotency_key (owner_id, idem_key, product_id, quantity, outcome, created_at) "
                        + "SELECT o, k, p, q, " + PENDING
                        + ", ? FROM unnest(?::text[], ?::text[], ?::bigint[], ?::int[]) "
                        + "WITH ORDINALITY AS t(o, k, p, q, n) ORDER BY n "
                        + "ON CONFLICT (owner_id, idem_key) DO NOTHING RETURNING owner_id, idem_key")) {
            ps.setObject(1, Jdbc.ts(now));
            ps.setArray(2, c.createArrayOf("text", owners));
            ps.setArray(3, c.createArrayOf("text", keys));
            ps.setArray(4, c.createArrayOf("bigint", products));
            ps.setArray(5, c.createArrayOf("integer", quantities));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    won.add(byKey.get(List.of(rs.getString(1), rs.getString(2))));
                }
            }
        }
        return won;
    }

    /** Records the answers of won claims, in the same transaction. */
    static void record(Connection c, List<KeyAnswer> answers, int timeoutSeconds) throws SQLException {
        if (answers.isEmpty()) {
            return;
        }
        int n = answers.size();
        String[] owners = new String[n];
        String[] keys = new String[n];
        Integer[] outcomes = new Integer[n];
        UUID[] ids = new UUID[n];
        for (int i = 0; i < n; i++) {
            KeyAnswer a = answers.get(i);
            owners[i] = a.claim().ownerId();
            keys[i] = a.claim().key();
            outcomes[i] = code(a.outcome().kind());
            ids[i] = a.outcome() instanceof Reserved r ? r.reservation().id().value() : null;
        }
        try (PreparedStatement ps = Jdbc.prepare(
                c,
                timeoutSeconds,
                "UPDATE stock.idempotency_key k SET outcome = t.s, reservation_id = t.r "
                        + "FROM unnest(?::text[], ?::text[], ?::int[], ?::uuid[]) AS t(o, k, s, r) "
                        + "WHERE k.owner_id = t.o AND k.idem_key = t.k")) {
            ps.setArray(1, c.createArrayOf("text", owners));
            ps.setArray(2, c.createArrayOf("text", keys));
            ps.setArray(3, c.createArrayOf("integer", outcomes));
            ps.setArray(4, c.createArrayOf("uuid", ids));
            ps.executeUpdate();
        }
    }
}
