package io.mesosevents.devstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How to run the development stack: one Kafka broker and one schema registry on it.
 *
 * @param host         address both servers bind to; default {@code 127.0.0.1}
 * @param kafkaPort    Kafka client port; {@code 0} picks a free port (the CLI's default is 9092)
 * @param registryPort schema registry HTTP port; {@code 0} picks a free port (the CLI's default is 8081)
 * @param dataDir      directory for all state ({@code kafka/} below it); schemas live in Kafka's
 *                     {@code _schemas} topic, so this one directory is the whole stack. Empty means
 *                     temporary storage, deleted on close.
 */
public record DevStackConfig(String host, int kafkaPort, int registryPort, Optional<Path> dataDir) {

    /** Loopback, free ports, temporary storage: what tests want. */
    public static DevStackConfig ephemeral() {
        return new DevStackConfig(KafkaBrokerConfig.DEFAULT_HOST, 0, 0, Optional.empty());
    }

    public DevStackConfig withDataDir(Path dir) {
        return new DevStackConfig(host, kafkaPort, registryPort, Optional.of(dir));
    }

    KafkaBrokerConfig brokerConfig() {
        return new KafkaBrokerConfig(host, kafkaPort, dataDir.map(dir -> dir.resolve("kafka")), Map.of());
    }
}
