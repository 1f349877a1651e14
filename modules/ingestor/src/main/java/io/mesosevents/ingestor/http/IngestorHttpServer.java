package io.mesosevents.ingestor.http;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The ingestor's operational endpoints: {@code GET /health} (liveness: the process serves),
 * {@code GET /ready} (200 once a snapshot has been written and this replica may write; else 503)
 * and {@code GET /metrics} (Prometheus text format).
 */
public final class IngestorHttpServer implements AutoCloseable {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Javalin app;

    private IngestorHttpServer(Javalin app) {
        this.app = app;
    }

    /** @param port 0 picks a free port */
    public static IngestorHttpServer start(String host, int port, BooleanSupplier ready, PrometheusMeterRegistry registry) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = host;
            config.jetty.port = port;
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
            config.routes.get("/ready", ctx -> {
                boolean isReady = ready.getAsBoolean();
                ctx.status(isReady ? 200 : 503).json(Map.of("ready", isReady));
            });
            config.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
        }).start();
        return new IngestorHttpServer(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
