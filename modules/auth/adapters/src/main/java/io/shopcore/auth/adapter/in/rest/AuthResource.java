package io.shopcore.auth.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.shopcore.auth.application.port.in.LogInUseCase;
import io.shopcore.auth.application.port.in.RefreshTokensUseCase;
import io.shopcore.auth.application.port.in.RegisterUserUseCase;
import io.shopcore.auth.application.port.in.UserQueries;
import io.shopcore.auth.domain.InvalidCredentialFormat;
import io.shopcore.infrastructure.openapi.ApiDocs;
import io.shopcore.infrastructure.problem.ProblemCode;
import io.shopcore.infrastructure.problem.Problems;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Registration, login, refresh and "who am I". Runs on worker threads: login spends CPU on the hash.
 * The hashing gate ({@code PasswordHashingPermits}) bounds how many of those threads a login flood can
 * hold and for how long; beyond, the answer is 503 {@code unavailable} + Retry-After.
 */
@Path("/api/v1/auth")
@Tag(name = "Auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private final RegisterUserUseCase register;
    private final LogInUseCase logIn;
    private final RefreshTokensUseCase refresh;
    private final UserQueries users;
    private final JsonWebToken jwt;

    public AuthResource(
            RegisterUserUseCase register,
            LogInUseCase logIn,
            RefreshTokensUseCase refresh,
            UserQueries users,
            JsonWebToken jwt) {
        this.register = register;
        this.logIn = logIn;
        this.refresh = refresh;
        this.users = users;
        this.jwt = jwt;
    }

    @POST
    @Path("/register")
    @PermitAll
    @Operation(
            operationId = "register",
            summary = "Create a customer account",
            description = "Creates an account with the `customer` role. Usernames are 3 to 64 characters of letters,"
                    + " digits, `.`, `_` and `-`; passwords 8 to 128 characters. Log in afterwards with"
                    + " `POST /api/v1/auth/token`.")
    @APIResponse(
            responseCode = "201",
            description = "The account was created.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = UserResponse.class)))
    @Extension(name = ApiDocs.PROBLEM_CODES, value = "username_taken, rate_limited")
    public Response register(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = RegisterRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "customer",
                                                            value =
                                                                    "{\"username\": \"alice\", \"password\": \"correct-horse-battery\"}")))
                    @NotNull
                    @Valid
                    RegisterRequest request,
            @Context HttpServerRequest http) {
        return switch (register.register(request.toCommand(clientAddress(http)))) {
            case RegisterUserUseCase.Result.Registered r ->
                Response.created(URI.create("/api/v1/auth/me"))
                        .entity(UserResponse.from(r.user()))
                        .build();
            case RegisterUserUseCase.Result.UsernameTaken t ->
                Problems.of(ProblemCode.USERNAME_TAKEN, "This username is taken");
            case RegisterUserUseCase.Result.Throttled t ->
                rateLimited("Too many registrations from this address; retry later", t.retryAfter());
        };
    }

    @POST
    @Path("/token")
    @PermitAll
    @Operation(
            operationId = "logIn",
            summary = "Log in: get an access token and a refresh token",
            description = "Exchanges a username and password for a bearer access token (send it as"
                    + " `Authorization: Bearer <access_token>`) and a single-use refresh token. Repeated failures for"
                    + " a username or from one address are throttled with 429 and `Retry-After`.")
    @APIResponse(
            responseCode = "200",
            description = "Logged in. The answer is never cached (`Cache-Control: no-store`).",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TokenResponse.class)))
    @Extension(name = ApiDocs.PROBLEM_CODES, value = "invalid_credentials, rate_limited")
    public Response token(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = TokenRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "customer",
                                                            value =
                                                                    "{\"username\": \"alice\", \"password\": \"correct-horse-battery\"}")))
                    @NotNull
                    @Valid
                    TokenRequest request,
            @Context HttpServerRequest http) {
        return switch (logIn.logIn(
                new LogInUseCase.Command(request.username(), request.password(), clientAddress(http)))) {
            case LogInUseCase.Result.Issued i -> tokens(i.tokens());
            case LogInUseCase.Result.InvalidCredentials c -> invalidCredentials();
            case LogInUseCase.Result.Throttled t -> rateLimited("Too many failed logins; retry later", t.retryAfter());
        };
    }

    @POST
    @Path("/refresh")
    @PermitAll
    @Operation(
            operationId = "refreshTokens",
            summary = "Trade a refresh token for a new token pair",
            description = "Each refresh token works once and is replaced by the new one in the answer. Presenting a"
                    + " spent refresh token again revokes every token descended from the same login (log in again).")
    @APIResponse(
            responseCode = "200",
            description = "A new access token and refresh token.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TokenResponse.class)))
    @Extension(name = ApiDocs.PROBLEM_CODES, value = "unauthorized, rate_limited")
    public Response refresh(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = RefreshRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "refresh",
                                                            value =
                                                                    "{\"refresh_token\": \"q3Vb0F9kM2xZr8Tn4Wc6Yh1Ls5Pd7Ej0Ga2Ku9Oi3Rm\"}")))
                    @NotNull
                    @Valid
                    RefreshRequest request,
            @Context HttpServerRequest http) {
        if (!request.hasRefreshTokenShape()) {
            return invalidRefreshToken();
        }
        return switch (refresh.refresh(new RefreshTokensUseCase.Command(request.refreshToken(), clientAddress(http)))) {
            case RefreshTokensUseCase.Result.Issued i -> tokens(i.tokens());
            case RefreshTokensUseCase.Result.Rejected r -> invalidRefreshToken();
            case RefreshTokensUseCase.Result.Throttled t ->
                rateLimited("Too many token refreshes from this address; retry later", t.retryAfter());
        };
    }

    @GET
    @Path("/me")
    @Authenticated
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(
            operationId = "getCurrentUser",
            summary = "Who am I",
            description = "The account the access token belongs to.")
    @APIResponse(
            responseCode = "200",
            description = "The caller's account.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = UserResponse.class)))
    @Consumes(MediaType.WILDCARD)
    public Response me() {
        return users.byId(jwt.getSubject())
                .map(u -> Response.ok(UserResponse.from(u)).build())
                .orElseGet(() -> Problems.of(ProblemCode.UNAUTHORIZED, "The token's user no longer exists"));
    }

    /** Domain format rules surface as field errors, same as bean validation. */
    @ServerExceptionMapper
    public Response invalidFormat(InvalidCredentialFormat e) {
        return Problems.invalid(e.field(), e.getMessage());
    }

    private static String clientAddress(HttpServerRequest http) {
        return http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
    }

    private static Response rateLimited(String detail, Duration retryAfter) {
        return Problems.response(
                io.shopcore.infrastructure.problem.Problem.of(ProblemCode.RATE_LIMITED, detail),
                retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter);
    }

    private static Response tokens(io.shopcore.auth.application.port.in.TokenPair pair) {
        return Response.ok(TokenResponse.from(pair))
                .cacheControl(NO_STORE)
                .header("Pragma", "no-cache")
                .build();
    }

    private static Response invalidRefreshToken() {
        return Problems.of(ProblemCode.UNAUTHORIZED, "The refresh token is invalid, expired or already used");
    }

    private static Response invalidCredentials() {
        return Problems.of(ProblemCode.INVALID_CREDENTIALS, "Username or password is wrong");
    }
}
