package io.shopcore.stock.adapter.in.rest;

import io.shopcore.infrastructure.problem.Problem;
import io.shopcore.infrastructure.problem.ProblemCode;
import io.shopcore.infrastructure.problem.Problems;
import io.shopcore.stock.application.port.in.ReserveStockUseCase;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.concurrent.CompletionException;

/** The HTTP answer to a reservation attempt: 201 with its location, or the problem its outcome names. */
final class ReservationAnswers {

    private ReservationAnswers() {}

    static Response of(ReserveStockUseCase.Result result, long productId, int quantity) {
        Response response = switch (result) {
            case ReserveStockUseCase.Reserved r ->
                Response.status(Response.Status.CREATED)
                        .location(URI.create(
                                "/api/v1/reservations/" + r.reservation().id()))
                        .type(MediaType.APPLICATION_JSON)
                        .entity(ReservationResponse.from(r.reservation()))
                        .build();
            case ReserveStockUseCase.InsufficientStock i ->
                Problems.of(
                        ProblemCode.INSUFFICIENT_STOCK,
                        "Not enough stock of product " + productId + " for " + quantity + " units");
            case ReserveStockUseCase.ProductNotFound n -> Problems.notFound("No product " + productId);
            case ReserveStockUseCase.IdempotencyKeyReused k ->
                Problems.of(
                        ProblemCode.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was used with a different request");
            case ReserveStockUseCase.Overloaded o ->
                Problems.response(
                        Problem.of(ProblemCode.UNAVAILABLE, "Too many reservations in flight; try again"),
                        o.retryAfter());
        };
        if (result.replayed()) {
            return Response.fromResponse(response)
                    .header(StockResource.REPLAYED, "true")
                    .build();
        }
        return response;
    }

    /** The failure inside the completion wrappers, for the exception mappers. */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
