package io.shopcore.infrastructure.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.shopcore.infrastructure.problem.Problem;
import io.shopcore.infrastructure.problem.ProblemCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rejects an oversized body with problem+json 413 before it is read. Quarkus enforces
 * {@code quarkus.http.limits.max-body-size} itself but answers with an empty body; this handler runs
 * first for bodies that announce their length and turns the framework's own 413 (chunked bodies)
 * into problem+json too.
 */
@Singleton
public class RequestBodyLimit {

    private final long maxBytes;

    public RequestBodyLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "64K") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkDeclaredLength);
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                tooLarge(ctx);
            } else {
                ctx.next();
            }
        });
    }

    private void checkDeclaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBytes) {
                    tooLarge(ctx);
                    return;
                }
            } catch (NumberFormatException ignored) {
                // a malformed length is the HTTP codec's business
            }
        }
        ctx.next();
    }

    private void tooLarge(RoutingContext ctx) {
        ProblemCode code = ProblemCode.PAYLOAD_TOO_LARGE;
        String body = "{\"type\":\"" + code.type() + "\",\"title\":\"" + code.title() + "\",\"status\":413,"
                + "\"detail\":\"Request body exceeds " + maxBytes + " bytes\",\"code\":\"" + code.code() + "\"}";
        ctx.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
