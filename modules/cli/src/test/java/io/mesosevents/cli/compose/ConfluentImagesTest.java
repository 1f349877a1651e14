package io.mesosevents.cli.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.registry.serde.AvroSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingestor and the views against the images docker-compose.yml runs — Apache's Kafka and
 * Confluent's Schema Registry, taken from that file — instead of the embedded devstack: the
 * project's own registry client and serde must register and resolve schemas in Confluent's registry,
 * and the views must read what the ingestor wrote there. Skipped where no Docker engine answers.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentImagesTest {

    private static final String CLUSTER = "confluent";
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final ComposeInfrastructure COMPOSE = readCompose();
    private static final Network NETWORK = Network.newNetwork();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer(DockerImageName.parse(COMPOSE.kafkaImage()))
            .withNetwork(NETWORK)
            .withNetworkAliases(COMPOSE.kafkaInternalHost())
            // The listener the registry's container uses, as in the compose file (kafka:19092).
            .withListener(COMPOSE.kafkaInternalListener());

    @Container
    private static final GenericContainer<?> REGISTRY = new GenericContainer<>(DockerImageName.parse(COMPOSE.registryImage()))
            .withNetwork(NETWORK)
            .withNetworkAliases(ComposeInfrastructure.REGISTRY)
            .withEnv(COMPOSE.registryEnvironment())
            .withExposedPorts(COMPOSE.registryPort())
            .dependsOn(KAFKA)
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(PATIENCE));

    @TempDir
    static Path stateDir;

    private static InProcessPlatform platform;
    private static String registryUrl;

    @BeforeAll
    static void ingestASimulatedClusterIntoTheImages() throws Exception {
        AvroClassTrust.install();
        registryUrl = "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(COMPOSE.registryPort());
        platform = InProcessPlatform.start(KAFKA.getBootstrapServers(), registryUrl, CLUSTER, stateDir);
        await("both ingestors commit a snapshot", platform::ingested);
    }

    @AfterAll
    static void stop() {
        // The containers and their network are removed by Testcontainers after this.
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theSchemasAreRegisteredInConfluentsRegistryUnderTheTopicsSubjects() {
        assertThat(strings(get(URI.create(registryUrl + "/subjects"))))
                .contains("mesos.task-events-value", "mesos.agent-events-value", "mesos.framework-events-value", "marathon.events-value");
        // Written by the views' Kafka Streams application through the same serde.
        await("the views register their state schemas", () -> strings(get(URI.create(registryUrl + "/subjects"))).contains("state.apps-value"));
    }

    @Test
    void theRecordsCarryConfluentsSchemaIdsAndDecodeWithTheProjectsSerde() {
        Map<String, Object> config = Map.of("schema.registry.url", registryUrl);
        List<MesosTaskEvent> tasks = decodeAll("mesos.task-events", MesosTaskEvent.class, config);
        List<MarathonEvent> marathon = decodeAll("marathon.events", MarathonEvent.class, config);
        assertThat(tasks).isNotEmpty().allSatisfy(event -> assertThat(event.getMeta().getCluster()).isEqualTo(CLUSTER));
        assertThat(marathon).isNotEmpty().allSatisfy(event -> assertThat(event.getMeta().getCluster()).isEqualTo(CLUSTER));
    }

    @Test
    void serveAnswersWithTheSimulatedMarathonsApps() {
        Set<String> simulated = new TreeSet<>();
        get(platform.marathon().resolve("/v2/apps")).path("apps").forEach(app -> simulated.add(app.path("id").asText()));
        assertThat(simulated).isNotEmpty();
        Set<String> served = new TreeSet<>();
        await("the views list every app the simulated Marathon has", () -> {
            served.clear();
            // 503 while the views start or rebalance: asked again.
            tryGet(platform.views().resolve("/api/v1/apps?cluster=" + CLUSTER + "&limit=1000"))
                    .ifPresent(answer -> answer.path("data").forEach(row -> served.add(row.path("appId").asText())));
            return served.containsAll(simulated);
        });
        assertThat(served).containsAll(simulated);
    }

    /**
     * Every committed record of {@code topic}: framed in Confluent's wire format with a schema id
     * Confluent's registry knows, and decoded by the project's deserializer.
     */
    private static <T extends SpecificRecord> List<T> decodeAll(String topic, Class<T> type, Map<String, Object> serdeConfig) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<T> decoded = new ArrayList<>();
        Set<Integer> schemaIds = new TreeSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
             Serde<T> serde = AvroSerdes.specific(type, serdeConfig, false)) {
            Deserializer<T> deserializer = serde.deserializer();
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        continue;
                    }
                    ByteBuffer frame = ByteBuffer.wrap(record.value());
                    assertThat(frame.get()).as("magic byte of %s@%d", topic, record.offset()).isZero();
                    schemaIds.add(frame.getInt());
                    decoded.add(deserializer.deserialize(topic, record.headers(), record.value()));
                }
            }
        }
        for (int id : schemaIds) {
            assertThat(get(URI.create(registryUrl + "/schemas/ids/" + id)).path("schema").asText())
                    .as("schema %d of %s, in Confluent's registry", id, topic).contains(type.getSimpleName());
        }
        return decoded;
    }

    private static JsonNode get(URI uri) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<JsonNode> tryGet(URI uri) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> strings = new TreeSet<>();
        array.forEach(item -> strings.add(item.asText()));
        return strings;
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + PATIENCE + ": " + what);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting until " + what, e);
            }
        }
    }

    private static ComposeInfrastructure readCompose() {
        try {
            return ComposeInfrastructure.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
