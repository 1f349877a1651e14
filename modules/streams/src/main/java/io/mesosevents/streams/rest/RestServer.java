package io.mesosevents.streams.rest;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mesosevents.streams.app.ViewsApp;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.BindException;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interactive-query HTTP server of one instance: the {@code /api/v1} routes of {@link RouteTable},
 * the operational routes and the web {@link Dashboard} at {@code /}; every API answer is JSON (errors
 * included, for unknown paths too), except the metrics. With
 * {@link RestConfig#tls()} the port speaks HTTPS only; with {@link RestConfig#auth()} every route but
 * {@code /health} and {@code /ready} needs the credentials ({@link AuthFilter}).
 */
public final class RestServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RestServer.class);

    private final Javalin javalin;

    private RestServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /**
     * Serves queries over {@code app}, which must have an application server (the address the other
     * instances forward to); {@code registry} gets the route timers and is what {@code /metrics} shows.
     */
    public static RestServer start(RestConfig config, ViewsApp app, PrometheusMeterRegistry registry) {
        HostInfo self = app.self().orElseThrow(() -> new IllegalArgumentException(
                "the views application needs an application server (host:port) to serve queries"));
        Optional<TlsMaterial> tls = config.tls().map(TlsMaterial::load);
        QueryServices services = new QueryServices(app, config, self);
        OperationsRoutes operations = new OperationsRoutes(app, registry, config);
        RouteTimer timer = new RouteTimer(registry);
        List<RouteTable.ApiRoute> routes = RouteTable.routes();
        Javalin javalin = Javalin.create(javalinConfig -> {
            javalinConfig.startup.showJavalinBanner = false;
            javalinConfig.startup.showOldJavalinVersionWarning = false;
            javalinConfig.jetty.host = config.host();
            javalinConfig.jetty.port = config.port();
            javalinConfig.http.prefer405over404 = true;
            tls.ifPresent(material -> javalinConfig.jetty.addConnector((server, http) ->
                    TlsConnector.create(server, http, material, config.host(), config.port())));
            if (!(config.auth() instanceof AuthConfig.None)) {
                javalinConfig.routes.before(new AuthFilter(AuthCheck.of(config.auth()), new AuthFailureLog()));
            }
            routes.forEach(route -> javalinConfig.routes.get(route.path(), route.handler().apply(services)));
            javalinConfig.routes.get("/health", operations::health);
            javalinConfig.routes.get("/ready", operations::ready);
            javalinConfig.routes.get("/metrics", operations::metrics);
            javalinConfig.routes.get("/openapi.json", operations::openApi);
            Dashboard.install(javalinConfig);
            javalinConfig.routes.exception(ApiError.class, (error, ctx) -> Responses.error(ctx, error));
            javalinConfig.routes.exception(Exception.class, (error, ctx) -> unexpected(ctx, error));
            javalinConfig.routes.error(404, ctx -> routeError(ctx, "no route " + ctx.method() + " " + ctx.path()));
            javalinConfig.routes.error(405, ctx -> routeError(ctx, "method " + ctx.method() + " is not allowed on " + ctx.path()));
            javalinConfig.requestLogger.http(timer::record);
        });
        try {
            javalin.start();
        } catch (RuntimeException e) {
            javalin.stop();
            if (causedByBind(e)) {
                throw new HttpPortInUseException(config.host(), config.port());
            }
            throw e;
        }
        log.info("Interactive queries served on {}://{}:{} (this instance is {}:{}; authentication: {})", config.scheme(),
                config.host(), javalin.port(), self.host(), self.port(), config.auth().mode());
        return new RestServer(javalin);
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }

    /** Javalin's own 404/405 pages are text; the API answers JSON everywhere. Our handlers' errors are JSON already. */
    private static void routeError(Context ctx, String message) {
        String contentType = ctx.res().getContentType();
        if (contentType == null || !contentType.startsWith(JsonBodies.CONTENT_TYPE)) {
            Responses.json(ctx, ctx.statusCode(), JsonBodies.object().put("error", message).put("path", ctx.path()));
        }
    }

    /** A bug, not an expected condition: logged with its stack trace, answered with a JSON 500. */
    private static void unexpected(Context ctx, Exception error) {
        log.error("Request {} {} failed", ctx.method(), ctx.path(), error);
        Responses.json(ctx, 500, JsonBodies.object().put("error", "internal error: " + error));
    }

    private static boolean causedByBind(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
