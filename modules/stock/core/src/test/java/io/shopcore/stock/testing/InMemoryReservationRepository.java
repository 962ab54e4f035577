package io.shopcore.stock.testing;

import io.shopcore.stock.application.Page;
import io.shopcore.stock.application.port.out.ReservationRepository;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationId;
import io.shopcore.stock.domain.ReservationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reservations in a map, with the same conditional status changes as the JDBC adapter. */
public class InMemoryReservationRepository implements ReservationRepository {

    private final Map<ReservationId, Reservation> byId = new LinkedHashMap<>();

    /** Writes a reservation as a strategy would (test set-up, and {@link InMemoryReservationStrategy}). */
    public synchronized void store(Reservation reservation) {
        byId.put(reservation.id(), reservation);
    }

    @Override
    public synchronized Optional<Reservation> find(ReservationId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized boolean endHoldIfUnexpired(ReservationId id, ReservationStatus next, Instant now) {
        Reservation r = byId.get(id);
        if (r == null || r.status() != ReservationStatus.HELD || r.isExpiredAt(now)) {
            return false;
        }
        byId.put(id, r.withStatus(next));
        return true;
    }

    @Override
    public synchronized boolean expireIfHeld(ReservationId id, Instant now) {
        Reservation r = byId.get(id);
        if (r == null || r.status() != ReservationStatus.HELD) {
            return false;
        }
        byId.put(id, r.withStatus(ReservationStatus.EXPIRED));
        return true;
    }

    @Override
    public synchronized List<Reservation> expireDue(Instant now, int limit) {
        List<Reservation> due = byId.values().stream()
                .filter(r -> r.status() == ReservationStatus.HELD && r.isExpiredAt(now))
                .sorted(Comparator.comparing(Reservation::expiresAt))
                .limit(limit)
                .toList();
        List<Reservation> expired = new ArrayList<>(due.size());
        for (Reservation r : due) {
            Reservation e = r.withStatus(ReservationStatus.EXPIRED);
            byId.put(r.id(), e);
            expired.add(e);
        }
        return expired;
    }

    @Override
    public synchronized long countOverdue(Instant now) {
        return byId.values().stream()
                .filter(r -> r.status() == ReservationStatus.HELD && r.isExpiredAt(now))
                .count();
    }

    @Override
    public synchronized Page<Reservation> list(
            String ownerId, ReservationStatus status, Instant now, long offset, int limit) {
        List<Reservation> matching = byId.values().stream()
                .filter(r -> ownerId == null || r.ownerId().equals(ownerId))
                .filter(r -> status == null || r.statusAt(now) == status)
                .sorted(Comparator.comparing(Reservation::createdAt).reversed().thenComparing(r -> r.id().value()))
                .toList();
        return new Page<>(matching.stream().skip(offset).limit(limit).toList(), matching.size());
    }
}
