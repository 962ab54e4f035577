package io.shopcore.stock.adapter.in.rest;

import io.shopcore.stock.domain.LedgerEntry;
import java.time.Instant;
import java.util.UUID;

public record LedgerEntryResponse(
        long id, String type, int quantity, UUID reservationId, String reason, Instant createdAt) {

    static LedgerEntryResponse from(LedgerEntry e) {
        return new LedgerEntryResponse(
                e.id(),
                e.type().name(),
                e.quantity(),
                e.reservationId() == null ? null : e.reservationId().value(),
                e.reason(),
                e.createdAt());
    }
}
