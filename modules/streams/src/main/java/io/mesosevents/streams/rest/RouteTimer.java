package io.mesosevents.streams.rest;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The latency of every request, by route template (not by URL: ids would make a series per entity),
 * status and whether it was forwarded by another instance, as {@code mesos_events_views_http_requests_seconds}.
 */
final class RouteTimer {

    static final String NAME = "mesos.events.views.http.requests";

    private final MeterRegistry registry;

    RouteTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Context ctx, Float millis) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        Timer.builder(NAME)
                .description("Interactive-query HTTP requests by route")
                .tag("method", ctx.method().name())
                .tag("route", endpoint == null ? "unmatched" : endpoint.path)
                .tag("status", Integer.toString(ctx.statusCode()))
                .tag("forwarded", Boolean.toString(ctx.header(Forwarder.HEADER) != null))
                .register(registry)
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }
}
