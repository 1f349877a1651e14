package io.mesosevents.streams.rest;

import io.mesosevents.streams.StreamsAppConfig;
import io.mesosevents.streams.ViewsTopology;
import io.mesosevents.streams.app.ViewsApp;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.Topology;

/**
 * One serving instance: the views application and its interactive-query HTTP server, as
 * {@code mesos-events serve} runs it. Instances started with the same application id share the
 * stores and answer each other's queries.
 */
public final class ViewsServer implements AutoCloseable {

    private final ViewsApp app;
    private final RestServer http;

    private ViewsServer(ViewsApp app, RestServer http) {
        this.app = app;
        this.http = http;
    }

    /** Every view of {@link ViewsTopology}, served. */
    public static ViewsServer start(StreamsAppConfig streams, RestConfig rest) {
        return start(streams, ViewsTopology.build(streams), rest);
    }

    /**
     * {@code topology} served. The HTTP port is bound before Kafka Streams joins the group, so a taken
     * port fails at once ({@link HttpPortInUseException}) without disturbing the running instances.
     */
    public static ViewsServer start(StreamsAppConfig streams, Topology topology, RestConfig rest) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ViewsApp app = ViewsApp.create(streams, topology, registry);
        RestServer http;
        try {
            http = RestServer.start(rest, app, registry);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        try {
            app.start();
        } catch (RuntimeException e) {
            http.close();
            app.close();
            throw e;
        }
        return new ViewsServer(app, http);
    }

    public ViewsApp app() {
        return app;
    }

    /** The HTTP port actually bound. */
    public int port() {
        return http.port();
    }

    /** Leaves the group first, so the others take the stores over while this one still answers, then stops HTTP. */
    @Override
    public void close() {
        try {
            app.close();
        } finally {
            http.close();
        }
    }
}
