package io.mesosevents.cli;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.marathon.AppSnapshot;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.marathon.MarathonTask;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.registry.serde.AvroSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `simulate all` (a Mesos master and a Marathon describing one cluster) ingested by one `ingest
 * --mesos … --marathon …`, all from the packaged jar: both sources land in their topics, and the
 * tasks Marathon reports are the tasks Mesos reports.
 */
class IngestBothSourcesIT {

    private static final Pattern KAFKA = Pattern.compile("Kafka bootstrap servers:\\s+(\\S+)");
    private static final Pattern REGISTRY = Pattern.compile("Schema registry:\\s+(http://\\S+)");
    private static final Pattern MESOS = Pattern.compile("Simulated Mesos master ready at (http://\\S+)/api/v1");
    private static final Pattern MARATHON = Pattern.compile("Simulated Marathon ready at (http://\\S+) ");
    private static final Pattern HTTP_PORT = Pattern.compile("metrics on port (\\d+)");

    @BeforeAll
    static void trustTheModel() {
        AvroClassTrust.install();
    }

    @Test
    void marathonsTasksAreTheMesosTasksOfItsFramework(@TempDir Path dataDir) throws Exception {
        try (RunningCommand devstack = RunningCommand.start(List.of("devstack", "--kafka-port", "0", "--registry-port", "0",
                "--data-dir", dataDir.toString()));
             RunningCommand simulators = RunningCommand.start(List.of("simulate", "all", "--mesos-port", "0", "--marathon-port", "0",
                     "--mesos-rate", "20", "--marathon-rate", "20", "--cluster", "both"))) {
            String kafka = devstack.awaitMatch(KAFKA);
            String registry = devstack.awaitMatch(REGISTRY);
            try (RunningCommand ingest = RunningCommand.start(List.of("ingest", "--mesos", simulators.awaitMatch(MESOS),
                    "--marathon", simulators.awaitMatch(MARATHON), "--bootstrap-servers", kafka, "--schema-registry", registry,
                    "--http-host", "127.0.0.1", "--http-port", Integer.toString(freePort())))) {
                awaitReady("http://127.0.0.1:" + ingest.awaitMatch(HTTP_PORT));

                Map<String, Object> config = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", "schema.registry.url", registry));
                Set<String> marathonTasks = new HashSet<>();
                for (MarathonEvent event : read(config, "marathon.events", MarathonEvent.class)) {
                    if (event.getMeta().getKind() == EventKind.SNAPSHOT && event.getPayload() instanceof AppSnapshot app) {
                        assertThat(event.getMeta().getCluster()).isEqualTo("both");
                        app.getTasks().stream().map(MarathonTask::getId).forEach(marathonTasks::add);
                    }
                }
                Set<String> mesosTasks = new HashSet<>();
                for (MesosTaskEvent event : read(config, "mesos.task-events", MesosTaskEvent.class)) {
                    mesosTasks.add(event.getTaskId());
                }
                assertThat(marathonTasks).as("Marathon's tasks in its first snapshot").isNotEmpty();
                assertThat(mesosTasks).as("the Mesos tasks").containsAll(marathonTasks);
            }
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitReady(String health) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(health + "/ready")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The ingestor did not become ready: both sources write a snapshot");
    }

    /** Everything committed to {@code topic} now. */
    private static <T extends SpecificRecord> List<T> read(Map<String, Object> config, String topic, Class<T> type) {
        List<T> values = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                AvroSerdes.specific(type, config, false).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
