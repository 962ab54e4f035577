package io.shopcore.stock.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.shopcore.infrastructure.openapi.ApiDocs;
import io.shopcore.infrastructure.problem.ApiProblemException;
import io.shopcore.infrastructure.problem.ProblemCode;
import io.shopcore.infrastructure.problem.Problems;
import io.shopcore.infrastructure.web.PageResponse;
import io.shopcore.infrastructure.web.Params;
import io.shopcore.stock.application.Page;
import io.shopcore.stock.application.port.in.ConfirmReservationUseCase;
import io.shopcore.stock.application.port.in.ReleaseReservationUseCase;
import io.shopcore.stock.application.port.in.ReservationQueries;
import io.shopcore.stock.application.port.in.ReservationTransitionResult;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationId;
import io.shopcore.stock.domain.ReservationStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reservations of the caller (an admin sees everyone's). Another user's reservation is 404, never 403. */
@Path("/api/v1/reservations")
@Tag(name = "Stock")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ReservationResource {

    private final ReservationQueries queries;
    private final ConfirmReservationUseCase confirm;
    private final ReleaseReservationUseCase release;
    private final CurrentCaller caller;

    public ReservationResource(
            ReservationQueries queries,
            ConfirmReservationUseCase confirm,
            ReleaseReservationUseCase release,
            CurrentCaller caller) {
        this.queries = queries;
        this.confirm = confirm;
        this.release = release;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(
            operationId = "getReservation",
            summary = "Get one of your reservations",
            description = "A HELD reservation past its `expiresAt` is shown as EXPIRED. Another customer's reservation"
                    + " is 404 `not_found` (administrators see all).")
    @APIResponse(responseCode = "200", description = "The reservation.")
    @Extension(name = ApiDocs.PROBLEM_CODES, value = "validation_failed, not_found")
    public ReservationResponse reservation(
            @Parameter(description = "The reservation id.", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String idRaw) {
        ReservationId id = ReservationId.of(Params.uuid("id", idRaw));
        return queries.reservation(id, caller.get())
                .map(ReservationResponse::from)
                .orElseThrow(() -> new ApiProblemException(ProblemCode.NOT_FOUND, "No reservation " + id));
    }

    @GET
    @Authenticated
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(
            operationId = "listReservations",
            summary = "List your reservations, newest first",
            description = "Your own reservations (administrators: everyone's), optionally only those in one status.")
    @APIResponse(responseCode = "200", description = "One page of reservations.")
    @Extension(name = ApiDocs.PROBLEM_CODES, value = "validation_failed")
    public PageResponse<ReservationResponse> reservations(
            @Parameter(
                            description = "Only reservations in this status.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"HELD", "CONFIRMED", "RELEASED", "EXPIRED"}))
                    @QueryParam("status")
                    String statusRaw,
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
        ReservationStatus status = parseStatus(statusRaw);
        Params.PageQuery q = Params.PageQuery.parse(page, size);
        Page<Reservation> p = queries.reservations(caller.get(), status, q.page(), q.size());
        return new PageResponse<>(
                p.items().stream().map(ReservationResponse::from).toList(), q.page(), q.size(), p.total());
    }

    @POST
    @Path("/{id}/confirm")
    @Authenticated
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(
            operationId = "confirmReservation",
            summary = "Confirm a HELD reservation (the units are sold)",
            description = "The quantity leaves both `total` and `reserved`. 409 `reservation_not_held` if the"
                    + " reservation is already confirmed, released or expired.")
    @APIResponse(
            responseCode = "200",
            description = "The reservation, now CONFIRMED.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReservationResponse.class)))
    @Extension(name = ApiDocs.PROBLEM_CODES, value = "validation_failed, not_found, reservation_not_held")
    public Response confirm(
            @Parameter(description = "The reservation id.", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String idRaw) {
        ReservationId id = ReservationId.of(Params.uuid("id", idRaw));
        return answer(id, confirm.confirm(id, caller.get()));
    }

    @POST
    @Path("/{id}/release")
    @Authenticated
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(
            operationId = "releaseReservation",
            summary = "Release a HELD reservation (the units return to stock)",
            description = "409 `reservation_not_held` if the reservation is already confirmed, released or expired.")
    @APIResponse(
            responseCode = "200",
            description = "The reservation, now RELEASED.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReservationResponse.class)))
    @Extension(name = ApiDocs.PROBLEM_CODES, value = "validation_failed, not_found, reservation_not_held")
    public Response release(
            @Parameter(description = "The reservation id.", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String idRaw) {
        ReservationId id = ReservationId.of(Params.uuid("id", idRaw));
        return answer(id, release.release(id, caller.get()));
    }

    private static Response answer(ReservationId id, ReservationTransitionResult result) {
        return switch (result) {
            case ReservationTransitionResult.Done d ->
                Response.ok(ReservationResponse.from(d.reservation()))
                        .type(MediaType.APPLICATION_JSON)
                        .build();
            case ReservationTransitionResult.NotFound n -> Problems.notFound("No reservation " + id);
            case ReservationTransitionResult.NotHeld h ->
                Problems.of(ProblemCode.RESERVATION_NOT_HELD, "Reservation " + id + " is " + h.status() + ", not HELD");
        };
    }

    private static ReservationStatus parseStatus(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return ReservationStatus.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.validation("status", "must be one of HELD, CONFIRMED, RELEASED, EXPIRED");
        }
    }
}
