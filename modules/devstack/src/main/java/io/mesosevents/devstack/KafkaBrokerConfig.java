package io.mesosevents.devstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How to run the embedded single-node Kafka broker.
 *
 * @param host       address the listeners bind to and advertise; default {@code 127.0.0.1} (loopback only)
 * @param port       client (PLAINTEXT) port; {@code 0} picks a free port
 * @param dataDir    directory that holds the broker's log and metadata; empty means a temporary
 *                   directory that is deleted on close
 * @param overrides  extra broker properties, applied last (e.g. {@code log.retention.hours})
 */
public record KafkaBrokerConfig(String host, int port, Optional<Path> dataDir, Map<String, String> overrides) {

    public static final String DEFAULT_HOST = "127.0.0.1";

    public KafkaBrokerConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Kafka port must be between 0 and 65535, got " + port);
        }
        overrides = Map.copyOf(overrides);
    }

    /** A broker on loopback, on a free port, with temporary storage. */
    public static KafkaBrokerConfig ephemeral() {
        return new KafkaBrokerConfig(DEFAULT_HOST, 0, Optional.empty(), Map.of());
    }

    public KafkaBrokerConfig withPort(int newPort) {
        return new KafkaBrokerConfig(host, newPort, dataDir, overrides);
    }

    public KafkaBrokerConfig withDataDir(Path dir) {
        return new KafkaBrokerConfig(host, port, Optional.of(dir), overrides);
    }
}
