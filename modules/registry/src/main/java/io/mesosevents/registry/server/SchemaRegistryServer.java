package io.mesosevents.registry.server;

import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Confluent-compatible schema registry (Avro only) serving the REST API of
 * {@link RegistryHttpApi} over the state kept in a {@link SchemaLog}.
 *
 * <p>The server is its log's single writer: run one server per log. Stopping a server and starting
 * a new one over the same log keeps every id, version and setting.
 *
 * <pre>{@code
 * try (SchemaLog log = new KafkaSchemaLog(KafkaSchemaLogConfig.of(bootstrap, Map.of()));
 *      SchemaRegistryServer registry = new SchemaRegistryServer(SchemaRegistryServerConfig.of(log)).start()) {
 *     String url = registry.url();
 * }
 * }</pre>
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryServer.class);

    private final SchemaRegistryServerConfig config;
    private Javalin app;

    public SchemaRegistryServer(SchemaRegistryServerConfig config) {
        this.config = config;
    }

    /** Loads the log and starts serving; returns this server. */
    public synchronized SchemaRegistryServer start() {
        if (app != null) {
            throw new IllegalStateException("Schema registry already started at " + url());
        }
        Registry registry = new Registry(config.log());
        RegistryHttpApi api = new RegistryHttpApi(registry);
        app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            api.install(javalin);
        }).start();
        LOG.info("Schema registry listening on {} with {} schema(s) loaded", url(), registry.schemaCount());
        return this;
    }

    /** The port the server listens on (the chosen one when configured with 0). */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("Schema registry not started");
        }
        return app.port();
    }

    /** The base URL to give clients as {@code schema.registry.url}. */
    public String url() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port();
    }

    /** Stops serving; the log stays open (its owner closes it). */
    @Override
    public synchronized void close() {
        if (app != null) {
            app.stop();
            app = null;
            LOG.info("Schema registry stopped");
        }
    }
}
