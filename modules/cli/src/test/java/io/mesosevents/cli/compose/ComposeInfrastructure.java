package io.mesosevents.cli.compose;

import java.io.IOException;
import java.util.Map;

/**
 * What docker-compose.yml says about the infrastructure the platform runs on: the Kafka and registry
 * images, the listener Kafka offers the other containers, and the registry's settings. The suite
 * against the real images takes them from here, so it tests what the deployment runs.
 */
record ComposeInfrastructure(String kafkaImage, String kafkaInternalListener, String registryImage,
                             Map<String, String> registryEnvironment, int registryPort) {

    static final String KAFKA = "kafka";
    static final String REGISTRY = "schema-registry";

    static ComposeInfrastructure read() throws IOException {
        return of(ComposeFile.load(RepositoryRoot.locate().resolve("docker-compose.yml"), Map.of()));
    }

    static ComposeInfrastructure of(ComposeFile compose) {
        ComposeService kafka = compose.service(KAFKA);
        ComposeService registry = compose.service(REGISTRY);
        return new ComposeInfrastructure(image(kafka), listener(kafka.variable("KAFKA_ADVERTISED_LISTENERS"),
                kafka.variable("KAFKA_INTER_BROKER_LISTENER_NAME")), image(registry), registry.containerEnvironment(),
                port(listener(registry.variable("SCHEMA_REGISTRY_LISTENERS"), "http")));
    }

    /** {@code host:port} of the listener called {@code name} in a Kafka listener list ({@code NAME://host:port,…}). */
    static String listener(String listeners, String name) {
        for (String listener : listeners.split(",")) {
            if (listener.startsWith(name + "://")) {
                return listener.substring(name.length() + "://".length());
            }
        }
        throw new AssertionError("No listener " + name + " in " + listeners);
    }

    static int port(String hostAndPort) {
        return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
    }

    /** The host name of the internal listener, which the other containers resolve. */
    String kafkaInternalHost() {
        return kafkaInternalListener.substring(0, kafkaInternalListener.lastIndexOf(':'));
    }

    private static String image(ComposeService service) {
        return service.image().orElseThrow(() -> new AssertionError(service.name() + " names no image"));
    }
}
