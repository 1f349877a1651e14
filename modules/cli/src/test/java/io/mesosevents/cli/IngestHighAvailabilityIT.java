package io.mesosevents.cli;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.registry.serde.AvroSerdes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Two `ingest` replicas of one source, run from the packaged jar; the leader is killed with SIGKILL. */
class IngestHighAvailabilityIT {

    private static final Pattern KAFKA = Pattern.compile("Kafka bootstrap servers:\\s+(\\S+)");
    private static final Pattern REGISTRY = Pattern.compile("Schema registry:\\s+(http://\\S+)");
    private static final Pattern MASTER = Pattern.compile("Simulated Mesos master ready at (http://\\S+)/api/v1");
    private static final Pattern HTTP_PORT = Pattern.compile("metrics on port (\\d+)");
    private static final Pattern CLUSTER = Pattern.compile("Ingesting Mesos cluster '([^']+)'");
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void trustTheModel() {
        AvroClassTrust.install();
    }

    @Test
    void exactlyOneReplicaWritesAndAnotherTakesOverAfterAKill(@TempDir Path dataDir) throws Exception {
        try (RunningCommand devstack = RunningCommand.start(List.of("devstack", "--kafka-port", "0", "--registry-port", "0",
                "--data-dir", dataDir.toString()));
             RunningCommand master = RunningCommand.start(List.of("simulate", "mesos", "--port", "0", "--rate", "200", "--heartbeat", "1",
                     "--cluster", "ha-sim"))) {
            String kafka = devstack.awaitMatch(KAFKA);
            String registry = devstack.awaitMatch(REGISTRY);
            List<String> ingest = List.of("ingest", "--mesos", master.awaitMatch(MASTER),
                    "--bootstrap-servers", kafka, "--schema-registry", registry, "--http-host", "127.0.0.1", "--http-port");
            int firstPort = freePort();
            int secondPort = freePort();
            try (RunningCommand first = RunningCommand.start(with(ingest, firstPort));
                 RunningCommand second = RunningCommand.start(with(ingest, secondPort))) {
                String firstHealth = "http://127.0.0.1:" + first.awaitMatch(HTTP_PORT);
                String secondHealth = "http://127.0.0.1:" + second.awaitMatch(HTTP_PORT);
                assertThat(List.of(first.awaitMatch(CLUSTER), second.awaitMatch(CLUSTER)))
                        .as("without --cluster, both replicas take the name from the master's --cluster flag")
                        .containsExactly("ha-sim", "ha-sim");
                assertThat(List.of(firstHealth, secondHealth)).containsExactly("http://127.0.0.1:" + firstPort, "http://127.0.0.1:" + secondPort);

                String leader = awaitExactlyOneReady(List.of(firstHealth, secondHealth), Duration.ofSeconds(60));
                RunningCommand leaderProcess = leader.equals(firstHealth) ? first : second;
                String standby = leader.equals(firstHealth) ? secondHealth : firstHealth;
                Thread.sleep(2_000); // let the leader write some changes after its snapshot

                long killedAt = System.nanoTime();
                leaderProcess.kill();
                assertThat(awaitExactlyOneReady(List.of(standby), Duration.ofSeconds(30))).isEqualTo(standby);
                assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(30));
                Thread.sleep(2_000); // and the new leader some after its own

                Map<TopicPartition, List<String>> sessions = sessionsPerPartition(kafka, registry);
                assertThat(sessions.values().stream().flatMap(List::stream).distinct().count())
                        .as("sessions: the killed leader's and the new leader's at least").isGreaterThanOrEqualTo(2);
                sessions.forEach((partition, order) -> assertThat(order)
                        .as("sessions in the order of %s: once a newer writer started, an older one never writes again", partition)
                        .doesNotHaveDuplicates());
            }
        }
    }

    private static List<String> with(List<String> args, int port) {
        List<String> all = new ArrayList<>(args);
        all.add(Integer.toString(port));
        return all;
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The one URL of {@code candidates} whose /ready answers 200, once exactly one does. */
    private String awaitExactlyOneReady(List<String> candidates, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> ready = new ArrayList<>();
            for (String candidate : candidates) {
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create(candidate + "/ready")).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        ready.add(candidate);
                    }
                } catch (java.io.IOException e) {
                    // Not listening (any more): not ready.
                }
            }
            assertThat(ready).as("replicas ready at once").hasSizeLessThanOrEqualTo(1);
            if (ready.size() == 1) {
                return ready.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No replica of " + candidates + " became ready within " + timeout);
    }

    /** For every partition of the task topic, the session ids in log order with repeats collapsed. */
    private static Map<TopicPartition, List<String>> sessionsPerPartition(String kafka, String registry) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                "schema.registry.url", registry));
        Map<TopicPartition, List<String>> runs = new HashMap<>();
        try (Serde<MesosTaskEvent> serde = AvroSerdes.specific(MesosTaskEvent.class, config, false);
             KafkaConsumer<String, MesosTaskEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(), serde.deserializer())) {
            // The new leader keeps writing: read what was committed up to now, not until it is quiet.
            List<TopicPartition> partitions = consumer.partitionsFor("mesos.task-events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, MesosTaskEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    List<String> order = runs.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new ArrayList<>());
                    String session = record.value().getMeta().getSessionId();
                    if (order.isEmpty() || !order.get(order.size() - 1).equals(session)) {
                        order.add(session);
                    }
                }
            }
        }
        return runs;
    }
}
