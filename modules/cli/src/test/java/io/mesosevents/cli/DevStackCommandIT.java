package io.mesosevents.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the packaged {@code mesos-events.jar} as a user would. */
class DevStackCommandIT {

    private static final Pattern REGISTRY_LINE = Pattern.compile("Schema registry:\\s+(http://\\S+)");
    private static final Pattern KAFKA_LINE = Pattern.compile("Kafka bootstrap servers:\\s+(\\S+)");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void devstackServesKafkaAndTheRegistryAndKeepsSchemasAcrossARestart(@TempDir Path dataDir) throws Exception {
        String schema = "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Probe\\\",\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"string\\\"}]}";
        int id;
        try (RunningCommand devstack = RunningCommand.start(devstackArgs(dataDir))) {
            List<String> banner = devstack.awaitLine("Press Ctrl-C to stop.");
            String registry = find(REGISTRY_LINE, banner);
            assertThat(find(KAFKA_LINE, banner)).matches("127\\.0\\.0\\.1:\\d+");

            HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(registry + "/subjects/probe-value/versions"))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"" + schema + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(registered.statusCode()).isEqualTo(200);
            id = Integer.parseInt(registered.body().replaceAll("\\D", ""));

            assertThat(devstack.stop()).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(devstack.output()).anyMatch(line -> line.contains("Stopping devstack"));
        }

        try (RunningCommand restarted = RunningCommand.start(devstackArgs(dataDir))) {
            String registry = find(REGISTRY_LINE, restarted.awaitLine("Press Ctrl-C to stop."));
            HttpResponse<String> kept = http.send(HttpRequest.newBuilder(URI.create(registry + "/schemas/ids/" + id)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(kept.statusCode()).isEqualTo(200);
            assertThat(kept.body()).contains("Probe");
        }
    }

    @Test
    void registryAndTopicsCommandsWorkAgainstAnyKafkaCluster(@TempDir Path dataDir) throws Exception {
        try (RunningCommand devstack = RunningCommand.start(devstackArgs(dataDir))) {
            String kafka = find(KAFKA_LINE, devstack.awaitLine("Press Ctrl-C to stop."));

            try (RunningCommand topics = RunningCommand.start(List.of("topics", "create", "--bootstrap-servers", kafka,
                    "--topic-prefix", "it.", "--partitions", "2"))) {
                assertThat(topics.awaitExit()).isZero();
                assertThat(topics.output())
                        .anyMatch(line -> line.matches("CREATED\\s+it\\.state\\.apps\\s+cleanup\\.policy=compact"))
                        .anyMatch(line -> line.matches("CREATED\\s+it\\.mesos\\.task-events\\s+cleanup\\.policy=delete"))
                        .anyMatch(line -> line.matches("CREATED\\s+it\\.views\\.dlq\\s+the views' dead letters"));
            }

            try (RunningCommand registry = RunningCommand.start(List.of("registry", "--bootstrap-servers", kafka,
                    "--port", "0", "--schemas-topic", "_it_schemas"))) {
                String line = registry.awaitLine("Schema registry ready at").stream()
                        .filter(l -> l.startsWith("Schema registry ready at")).findFirst().orElseThrow();
                String url = line.split(" ")[4];
                HttpResponse<String> types = http.send(HttpRequest.newBuilder(URI.create(url + "/schemas/types")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(types.statusCode()).isEqualTo(200);
                assertThat(types.body()).contains("AVRO");
            }
        }
    }

    @Test
    void aTakenPortIsOneClearErrorLine(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             RunningCommand devstack = RunningCommand.start(List.of("devstack", "--kafka-port", Integer.toString(taken.getLocalPort()),
                     "--registry-port", "0", "--data-dir", dataDir.toString()))) {
            assertThat(devstack.awaitExit()).isEqualTo(1);
            assertThat(devstack.output()).contains("Error: Kafka port " + taken.getLocalPort()
                    + " on 127.0.0.1 is already in use; stop the process holding it or choose another port");
            assertThat(devstack.output()).noneMatch(line -> line.startsWith("\tat "));
        }
    }

    @Test
    void helpListsTheSubcommandsAndTheSettingsConvention() throws Exception {
        try (RunningCommand help = RunningCommand.start(List.of("--help"))) {
            assertThat(help.awaitExit()).isZero();
            assertThat(String.join("\n", help.output()))
                    .contains("devstack")
                    .contains("MESOS_EVENTS_KAFKA_PORT")
                    .contains("--config FILE");
        }
    }

    private static List<String> devstackArgs(Path dataDir) {
        return List.of("devstack", "--kafka-port", "0", "--registry-port", "0", "--data-dir", dataDir.toString());
    }

    private static String find(Pattern pattern, List<String> lines) {
        return lines.stream().map(pattern::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new AssertionError("No line matches " + pattern + " in " + lines));
    }
}
