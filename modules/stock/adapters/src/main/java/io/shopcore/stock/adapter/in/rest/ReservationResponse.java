package io.shopcore.stock.adapter.in.rest;

import io.shopcore.stock.domain.Reservation;
import java.time.Instant;
import java.util.UUID;

public record ReservationResponse(
        UUID id, long productId, int quantity, String status, Instant expiresAt, Instant createdAt) {

    static ReservationResponse from(Reservation r) {
        return new ReservationResponse(
                r.id().value(), r.productId(), r.quantity().value(), r.status().name(), r.expiresAt(), r.createdAt());
    }
}
