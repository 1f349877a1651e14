package io.mesosevents.registry.server;

import java.util.Objects;

/**
 * Settings of a {@link SchemaRegistryServer}.
 *
 * @param host the address to listen on; {@value #DEFAULT_HOST} by default, so that an embedded
 *             registry is not reachable from other machines unless asked
 * @param port the port; 0 (the default) picks any free one, see {@link SchemaRegistryServer#port()}
 * @param log  where the registry keeps its state; owned by the caller, who closes it after the server
 */
public record SchemaRegistryServerConfig(String host, int port, SchemaLog log) {

    public static final String DEFAULT_HOST = "127.0.0.1";

    public SchemaRegistryServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(log, "log");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535, was " + port);
        }
    }

    /** Loopback, any free port. */
    public static SchemaRegistryServerConfig of(SchemaLog log) {
        return new SchemaRegistryServerConfig(DEFAULT_HOST, 0, log);
    }

    public SchemaRegistryServerConfig withHost(String newHost) {
        return new SchemaRegistryServerConfig(newHost, port, log);
    }

    public SchemaRegistryServerConfig withPort(int newPort) {
        return new SchemaRegistryServerConfig(host, newPort, log);
    }
}
