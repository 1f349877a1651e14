package io.mesosevents.bench;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.streams.StreamsAppConfig;
import io.mesosevents.streams.app.ViewsApp;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Child JVM: the views application ({@link ViewsApp} over {@code ViewsTopology}) as {@code serve} runs
 * it, without the HTTP server, alone in its JVM. Arguments as {@link ViewsChildConfig}; protocol as
 * {@link ViewsStreamsLifecycle}, reporting {@code views}.
 */
public final class ViewsAppChild {

    private ViewsAppChild() {
    }

    public static void main(String[] args) throws Exception {
        JulToSlf4j.install();
        ViewsChildLogging.quietAloneInGroupWarnings();
        AvroClassTrust.install();
        StreamsAppConfig config = ViewsChildConfig.from(args);
        // serve meters Kafka Streams into a Prometheus registry: that is part of the application's work.
        ViewsApp app = ViewsApp.create(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        new ViewsStreamsLifecycle("views", app::start, app::state, app).run();
    }
}
