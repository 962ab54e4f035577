package io.shopcore.stock.adapter.out.persistence;

import io.shopcore.stock.application.port.out.IdempotencyStore.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Claims idempotency keys inside a reservation transaction, before the stock rows are locked.
 * {@code INSERT ... ON CONFLICT DO NOTHING} waits for a concurrent claimer of the same key to end:
 * if it commits, this claim fails (and the caller replays the stored answer); if it rolls back,
 * this claim wins. Keys are inserted in (owner, key) order so two batches cannot deadlock.
 */
final class IdempotencyClaims {

    static final int PENDING = 0;
    static final int RESERVED = 201;
    static final int NOT_FOUND = 404;
    static final int INSUFFICIENT = 409;

    private IdempotencyClaims() {}

    record Claim(String ownerId, String key, long productId, int quantity) {
        String id() {
            return ownerId + '\u0000' + key;
        }
    }

    record Answer(String ownerId, String key, int outcome, UUID reservationId) {}

    static Kind kind(int outcome) {
        return switch (outcome) {
            case RESERVED -> Kind.RESERVED;
            case NOT_FOUND -> Kind.PRODUCT_NOT_FOUND;
            case INSUFFICIENT -> Kind.INSUFFICIENT_STOCK;
            default -> null;
        };
    }

    /** Returns the ids ({@link Claim#id()}) of the claims this transaction won. */
    static Set<String> claim(Connection c, List<Claim> claims, Instant now) throws SQLException {
        Set<String> won = new HashSet<>();
        if (claims.isEmpty()) {
            return won;
        }
        List<Claim> sorted = new ArrayList<>(claims);
        sorted.sort(Comparator.comparing(Claim::ownerId).thenComparing(Claim::key));
        int n = sorted.size();
        String[] owners = new String[n];
        String[] keys = new String[n];
        Long[] products = new Long[n];
        Integer[] quantities = new Integer[n];
        for (int i = 0; i < n; i++) {
            Claim cl = sorted.get(i);
            owners[i] = cl.ownerId();
            keys[i] = cl.key();
            products[i] = cl.productId();
            quantities[i] = cl.quantity();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO stock.idempotency_key (owner_id, idem_key, product_id, quantity, outcome, created_at) "
                        + "SELECT o, k, p, q, 0, ? FROM unnest(?::text[], ?::text[], ?::bigint[], ?::int[]) "
                        + "WITH ORDINALITY AS t(o, k, p, q, n) ORDER BY n "
                        + "ON CONFLICT (owner_id, idem_key) DO NOTHING RETURNING owner_id, idem_key")) {
            ps.setObject(1, Jdbc.ts(now));
            ps.setArray(2, c.createArrayOf("text", owners));
            ps.setArray(3, c.createArrayOf("text", keys));
            ps.setArray(4, c.createArrayOf("bigint", products));
            ps.setArray(5, c.createArrayOf("integer", quantities));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    won.add(rs.getString(1) + '\u0000' + rs.getString(2));
                }
            }
        }
        return won;
    }

    /** Records the answers of won claims, in the same transaction. */
    static void record(Connection c, List<Answer> answers) throws SQLException {
        if (answers.isEmpty()) {
            return;
        }
        int n = answers.size();
        String[] owners = new String[n];
        String[] keys = new String[n];
        Integer[] outcomes = new Integer[n];
        UUID[] ids = new UUID[n];
        for (int i = 0; i < n; i++) {
            Answer a = answers.get(i);
            owners[i] = a.ownerId();
            keys[i] = a.key();
            outcomes[i] = a.outcome();
            ids[i] = a.reservationId();
        }
        try (PreparedStatement ps = c.prepareStatement(
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
