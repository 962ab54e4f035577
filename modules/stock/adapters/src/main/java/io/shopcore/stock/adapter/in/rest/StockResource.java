package io.shopcore.stock.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.shopcore.infrastructure.openapi.ApiDocs;
import io.shopcore.infrastructure.problem.ApiProblemException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/stock")
@Tag(name = "Stock")
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
    @Operation(
            operationId = "getStockLevel",
            summary = "Units in stock, reserved and available",
            description = "Read fresh on every call, so it reflects every acknowledged reservation and adjustment."
                    + " `available` = `total` - `reserved`.")
    @APIResponse(responseCode = "200", description = "The product's stock level.")
    @Extension(name = ApiDocs.PROBLEM_CODES, value = "validation_failed, not_found")
    public StockLevelResponse stockLevel(
            @Parameter(
                            description = "The product id.",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @PathParam("productId")
                    String productIdRaw) {
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
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(
            operationId = "reserveStock",
            summary = "Reserve units of a product",
            description = "Holds `quantity` units for you (status HELD) until `expiresAt`; confirm or release the"
                    + " reservation before then, or it expires and the units return to stock. Send an"
                    + " `Idempotency-Key` to retry safely: a repeat with the same key and body returns the original"
                    + " answer with `Idempotent-Replayed: true` and never reserves twice.")
    @APIResponse(
            responseCode = "201",
            description = "Reserved; `Location` is the reservation's URL.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReservationResponse.class)))
    @Extension(name = ApiDocs.PROBLEM_CODES, value = "not_found, insufficient_stock, idempotency_key_reused")
    public CompletionStage<Response> reserve(
            @Parameter(
                            description = "The product id.",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @PathParam("productId")
                    String productIdRaw,
            @Parameter(
                            description = "Makes retries safe: 1 to 128 printable ASCII characters, unique per intended"
                                    + " reservation (a UUID is a good choice).",
                            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 128))
                    @HeaderParam(IDEMPOTENCY_KEY)
                    String idempotencyKey,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = ReserveStockRequest.class),
                                            examples = @ExampleObject(name = "two units", value = "{\"quantity\": 2}")))
                    @Valid
                    @NotNull
                    ReserveStockRequest body) {
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
                        response.completeExceptionally(ReservationAnswers.unwrap(failure));
                        return;
                    }
                    try {
                        response.complete(ReservationAnswers.of(result, productId, quantity));
                    } catch (RuntimeException e) {
                        response.completeExceptionally(e);
                    }
                }));
        return response;
    }

    @POST
    @Path("/{productId}/adjustments")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ApiDocs.BEARER, scopes = ApiDocs.ADMIN)
    @Operation(
            operationId = "adjustStock",
            summary = "Add or remove units (admin)",
            description = "Changes `total` by `delta` (not 0) and records `reason` in the ledger. 409 `conflict` if"
                    + " the total would fall below the units currently reserved.")
    @APIResponse(
            responseCode = "200",
            description = "The stock level after the change.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StockLevelResponse.class)))
    @Extension(name = ApiDocs.PROBLEM_CODES, value = "not_found, conflict")
    public Response adjust(
            @Parameter(
                            description = "The product id.",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @PathParam("productId")
                    String productIdRaw,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = AdjustStockRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "restock",
                                                            value =
                                                                    "{\"delta\": 50, \"reason\": \"delivery 2026-11-29\"}")))
                    @Valid
                    @NotNull
                    AdjustStockRequest body) {
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
    @SecurityRequirement(name = ApiDocs.BEARER, scopes = ApiDocs.ADMIN)
    @Operation(
            operationId = "getStockLedger",
            summary = "A product's stock ledger (admin)",
            description = "Every change of the product's stock (RESERVE, CONFIRM, RELEASE, EXPIRE, ADJUST), newest"
                    + " first. Replaying it reproduces `total` and `reserved`.")
    @APIResponse(responseCode = "200", description = "One page of ledger entries.")
    @Extension(name = ApiDocs.PROBLEM_CODES, value = "validation_failed, not_found")
    public PageResponse<LedgerEntryResponse> ledger(
            @Parameter(
                            description = "The product id.",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @PathParam("productId")
                    String productIdRaw,
            @Parameter(
                            description = "Page number, from 0.",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
                    @QueryParam("page")
                    String page,
            @Parameter(
                            description = "Items per page.",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "100",
                                            defaultValue = "20"))
                    @QueryParam("size")
                    String size) {
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
    @SecurityRequirement(name = ApiDocs.BEARER, scopes = ApiDocs.ADMIN)
    @Operation(
            operationId = "auditStock",
            summary = "Check the stock invariants (admin)",
            description = "Checks 0 <= reserved <= total, reserved = sum of HELD reservations, and that replaying the"
                    + " ledger reproduces the level, for one product or all; lists every violation.")
    @APIResponse(responseCode = "200", description = "The audit result.")
    @Extension(name = ApiDocs.PROBLEM_CODES, value = "validation_failed")
    public StockAuditResponse audit(
            @Parameter(
                            description = "Only this product (default: all).",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @QueryParam("productId")
                    String productIdRaw) {
        Long productId = Params.optionalPositiveId("productId", productIdRaw);
        return StockAuditResponse.from(audit.audit(productId));
    }

    private static ApiProblemException notFound(long productId) {
        return new ApiProblemException(ProblemCode.NOT_FOUND, "No stock level for product " + productId);
    }
}
