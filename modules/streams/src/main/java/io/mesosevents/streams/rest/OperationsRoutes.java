package io.mesosevents.streams.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.mesosevents.streams.app.Readiness;
import io.mesosevents.streams.app.ViewsApp;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The routes beside the API: {@code /health} (liveness: the process serves HTTP), {@code /ready} (200
 * when Kafka Streams is RUNNING and the local stores answer, else 503 with the state), {@code /metrics}
 * (Prometheus text) and {@code /openapi.json} (the API's description, bundled with the code).
 */
final class OperationsRoutes {

    static final String OPENAPI_RESOURCE = "openapi.json";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final ViewsApp app;
    private final PrometheusMeterRegistry registry;
    private final RestConfig config;
    private final byte[] openApi;

    OperationsRoutes(ViewsApp app, PrometheusMeterRegistry registry, RestConfig config) {
        this.app = app;
        this.registry = registry;
        this.config = config;
        this.openApi = openApiDocument();
    }

    void health(Context ctx) {
        Responses.json(ctx, 200, JsonBodies.object().put("status", "UP"));
    }

    void ready(Context ctx) {
        Readiness readiness = app.readiness();
        if (readiness.ready()) {
            Responses.json(ctx, 200, JsonBodies.object().put("ready", true).put("state", readiness.state()));
            return;
        }
        ObjectNode body = JsonBodies.object().put("error", "not ready: " + readiness.detail()).put("ready", false)
                .put("state", readiness.state());
        ctx.header("Retry-After", Long.toString(Math.max(1, config.retryAfter().toSeconds())));
        Responses.json(ctx, 503, body);
    }

    void metrics(Context ctx) {
        ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape());
    }

    void openApi(Context ctx) {
        ctx.contentType(JsonBodies.CONTENT_TYPE).result(openApi);
    }

    /** The bundled OpenAPI 3 document. */
    static byte[] openApiDocument() {
        try (InputStream in = OperationsRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI description " + OPENAPI_RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI description", e);
        }
    }
}
