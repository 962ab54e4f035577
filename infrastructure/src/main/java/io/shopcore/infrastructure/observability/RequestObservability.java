package io.shopcore.infrastructure.observability;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.jboss.logmanager.MDC;

/**
 * First handler of every HTTP request: fixes the request id (header in, MDC, header out) and writes one
 * access log line when the response has been sent, in category {@code shopcore.access}: method, route
 * template, status, duration and request id. Never the raw path, query values, headers or bodies, so
 * nothing a client sends (ids, tokens, passwords) reaches the log through this line.
 *
 * <p>The observer runs before every other router customiser (priority 1) and the route has the lowest
 * order, so even a request refused early (413 by {@code RequestBodyLimit}) carries its id and is logged.
 */
@Singleton
public class RequestObservability {

    static final Logger ACCESS = Logger.getLogger("shopcore.access");

    /** Set by Quarkus REST once a resource method matched (read by its own metrics binder too). */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    void install(@Observes @Priority(1) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        long started = System.nanoTime();
        String requestId = RequestIds.acceptOrGenerate(ctx.request().getHeader(RequestIds.HEADER));
        ctx.put(RequestIds.MDC_KEY, requestId);
        if (VertxContext.isOnDuplicatedContext()) {
            // Stored in this request's duplicated context: visible on the worker thread that serves it.
            MDC.put(RequestIds.MDC_KEY, requestId);
        }
        ctx.response().putHeader(RequestIds.HEADER, requestId);
        HttpServerRequest request = ctx.request();
        ctx.addEndHandler(done -> {
            if (ACCESS.isInfoEnabled()) {
                int status = ctx.response().getStatusCode();
                ACCESS.info(line(
                        request.method().name(), route(ctx, status), status, System.nanoTime() - started, requestId));
            }
        });
        ctx.next();
    }

    /**
     * The access line, built without {@code String.format}: a {@link java.util.Formatter} per request
     * (format parsing, locale lookup, {@code %.1f}) was a measurable share of the log line's cost at
     * thousands of requests a second.
     */
    static String line(String method, String route, int status, long nanos, String requestId) {
        long tenths = nanos / 100_000; // durationMs with one decimal, truncated
        return new StringBuilder(96)
                .append("method=")
                .append(method)
                .append(" route=")
                .append(route)
                .append(" status=")
                .append(status)
                .append(" durationMs=")
                .append(tenths / 10)
                .append('.')
                .append(tenths % 10)
                .append(" requestId=")
                .append(requestId)
                .toString();
    }

    /** The route template, never the raw path: ids and unknown paths must not reach logs or labels. */
    static String route(RoutingContext ctx, int status) {
        String template = null;
        if (ctx.request() instanceof HttpServerRequestInternal internal) {
            Context requestContext = internal.context();
            template = requestContext == null ? null : requestContext.getLocal(URL_PATH_TEMPLATE);
        }
        if (template != null) {
            return template;
        }
        if (status == 404) {
            return "NOT_FOUND";
        }
        String path = ctx.normalizedPath();
        if (path != null && path.startsWith("/q/") && path.length() <= 40) {
            return path; // Quarkus' own fixed endpoints (health, metrics, openapi); unknown ones are 404 above
        }
        return "UNMATCHED";
    }
}
