package io.shopcore.stock.adapter.in.rest;

import io.quarkus.security.Authenticated;
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

/** Reservations of the caller (an admin sees everyone's). Another user's reservation is 404, never 403. */
@Path("/api/v1/reservations")
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
    public ReservationResponse reservation(@PathParam("id") String idRaw) {
        ReservationId id = ReservationId.of(Params.uuid("id", idRaw));
        return queries.reservation(id, caller.get())
                .map(ReservationResponse::from)
                .orElseThrow(() -> new ApiProblemException(ProblemCode.NOT_FOUND, "No reservation " + id));
    }

    @GET
    @Authenticated
    public PageResponse<ReservationResponse> reservations(
            @QueryParam("status") String statusRaw, @QueryParam("page") String page, @QueryParam("size") String size) {
        ReservationStatus status = parseStatus(statusRaw);
        Params.PageQuery q = Params.PageQuery.parse(page, size);
        Page<Reservation> p = queries.reservations(caller.get(), status, q.page(), q.size());
        return new PageResponse<>(
                p.items().stream().map(ReservationResponse::from).toList(), q.page(), q.size(), p.total());
    }

    @POST
    @Path("/{id}/confirm")
    @Authenticated
    public Response confirm(@PathParam("id") String idRaw) {
        ReservationId id = ReservationId.of(Params.uuid("id", idRaw));
        return answer(id, confirm.confirm(id, caller.get()));
    }

    @POST
    @Path("/{id}/release")
    @Authenticated
    public Response release(@PathParam("id") String idRaw) {
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
