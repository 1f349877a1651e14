package io.mesosevents.streams.rest;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.streams.StreamsAppConfig;
import io.mesosevents.streams.app.ViewsApp;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * A real HTTP server over a views application whose Kafka Streams never starts (no broker needed),
 * with the security settings a test chooses: the routes answer, the queries 503.
 */
final class AuthTlsTestServer implements AutoCloseable {

    private final ViewsApp app;
    private final RestServer server;

    private AuthTlsTestServer(ViewsApp app, RestServer server) {
        this.app = app;
        this.server = server;
    }

    static AuthTlsTestServer start(Path stateDir, UnaryOperator<RestConfig> security) {
        AvroClassTrust.install();
        int port = TestCluster.freePort();
        StreamsAppConfig config = StreamsAppConfig.defaults().withApplicationId("auth-tls-" + port)
                .withBootstrapServers("127.0.0.1:1").withSchemaRegistryUrl("http://127.0.0.1:1").withStateDir(stateDir)
                .withApplicationServer("127.0.0.1:" + port);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ViewsApp app = ViewsApp.create(config, registry);
        try {
            return new AuthTlsTestServer(app, RestServer.start(security.apply(TestCluster.rest(port)), app, registry));
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        app.close();
    }
}
