package io.shopcore.stock.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.shopcore.infrastructure.problem.ApiProblemException;
import io.shopcore.infrastructure.problem.Problem;
import io.shopcore.infrastructure.problem.ProblemCode;
import io.shopcore.infrastructure.problem.Problems;
import io.shopcore.infrastructure.web.PageResponse;
import io.shopcore.infrastructure.web.Params;
import io.shopcore.stock.application.Page;
import io.shopcore.stock.application.port.in.AdjustStockUseCase;
import io.shopcore.stock.application.port.in.AuditStockUseCase;
import io.shopcore.stock.application.port.in.ReserveStockUseCase;
import io.shopcore.stock.application.port.in.StockLevelQueries;
import io.shopcore.stock.domain.LedgerEntry;
import io.shopcore.stock.domain.Quantity;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

@Path("/api/v1/stock")
@Produces(MediaType.APPLICATION_JSON)
public class StockResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final StockLevelQueries queries;
    private final ReserveStockUseCase reserve;
    private final AdjustStockUseCase adjust;
    private final AuditStockUseCase audit;
    private final CurrentCaller caller;

    public StockResource(
            StockLevelQueries queries,
            ReserveStockUseCase reserve,
            AdjustStockUseCase adjust,
            AuditStockUseCase audit,
            CurrentCaller caller) {
        this.queries = queries;
        this.reserve = reserve;
        this.adjust = adjust;
        this.audit = audit;
        this.caller = caller;
    }

    /** Fresh from the database by primary key (no cache, so never stale after an acknowledged write). */
    @GET
    @Path("/{productId}")
    @PermitAll
    public StockLevelResponse stockLevel(@PathParam("productId") String productIdRaw) {
        long productId = Params.positiveId("productId", productIdRaw);
        return queries.stockLevel(productId).map(StockLevelResponse::from).orElseThrow(() -> notFound(productId));
    }

    /**
     * Runs on the event loop: the body is already read, and with the batched strategy (no key) the
     * request waits in the batch queue without holding a thread; anything blocking (idempotency
     * look-ups, the synchronous strategies) is handed to worker threads by the use case.
     */
    @POST
    @Path("/{productId}/reservations")
    @Authenticated
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> reserve(
            @PathParam("productId") String productIdRaw,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid @NotNull ReserveStockRequest body) {
        long productId = Params.positiveId("productId", productIdRaw);
        if (idempotencyKey != null && !ReserveStockUseCase.Command.isValidKey(idempotencyKey)) {
            throw ApiProblemException.validation(IDEMPOTENCY_KEY, "must be 1 to 128 printable ASCII characters");
        }
        int quantity = body.quantityValue();
        var command = new ReserveStockUseCase.Command(
                productId, Quantity.of(quantity), caller.get().userId(), idempotencyKey);
        // The answer may arrive on a batch writer thread; the response is built back on this request's
        // Vert.x context, where its request scope (used by the response builder) is active. A failure is
        // handed over unwrapped, so the exception mappers see the adapter's own exception.
        Context requestContext = Vertx.currentContext();
        CompletableFuture<Response> response = new CompletableFuture<>();
        reserve.reserveAsync(command)
                .whenComplete((result, failure) -> requestContext.runOnContext(ignored -> {
                    if (failure != null) {
                        response.completeExceptionally(unwrap(failure));
                        return;
                    }
                    try {
                        response.complete(toResponse(result, productId, quantity));
                    } catch (RuntimeException e) {
                        response.completeExceptionally(e);
                    }
                }));
        return response;
    }

    private static Response toResponse(ReserveStockUseCase.Result result, long productId, int quantity) {
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
            return Response.fromResponse(response).header(REPLAYED, "true").build();
        }
        return response;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @POST
    @Path("/{productId}/adjustments")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response adjust(@PathParam("productId") String productIdRaw, @Valid @NotNull AdjustStockRequest body) {
        long productId = Params.positiveId("productId", productIdRaw);
        int delta = body.deltaValue();
        if (delta == 0) {
            throw ApiProblemException.validation("delta", "must not be 0");
        }
        var result = adjust.adjust(
                new AdjustStockUseCase.Command(productId, delta, body.reason().strip()));
        return switch (result) {
            case AdjustStockUseCase.Adjusted a ->
                Response.ok(StockLevelResponse.from(a.level())).build();
            case AdjustStockUseCase.ProductNotFound n -> Problems.notFound("No product " + productId);
            case AdjustStockUseCase.BelowReserved b ->
                Problems.of(
                        ProblemCode.CONFLICT,
                        "Total would fall below the " + b.current().reserved() + " reserved units (total "
                                + b.current().total() + ", delta " + delta + ")");
        };
    }

    @GET
    @Path("/{productId}/ledger")
    @RolesAllowed("admin")
    public PageResponse<LedgerEntryResponse> ledger(
            @PathParam("productId") String productIdRaw,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        long productId = Params.positiveId("productId", productIdRaw);
        Params.PageQuery q = Params.PageQuery.parse(page, size);
        Page<LedgerEntry> p = queries.ledger(productId, q.page(), q.size()).orElseThrow(() -> notFound(productId));
        return new PageResponse<>(
                p.items().stream().map(LedgerEntryResponse::from).toList(), q.page(), q.size(), p.total());
    }

    /** Checks the invariants (0 <= reserved <= total, reserved = sum of HELD, ledger replay) and lists violations. */
    @GET
    @Path("/audit")
    @RolesAllowed("admin")
    public StockAuditResponse audit(@QueryParam("productId") String productIdRaw) {
        Long productId = Params.optionalPositiveId("productId", productIdRaw);
        return StockAuditResponse.from(audit.audit(productId));
    }

    private static ApiProblemException notFound(long productId) {
        return new ApiProblemException(ProblemCode.NOT_FOUND, "No stock level for product " + productId);
    }
}
