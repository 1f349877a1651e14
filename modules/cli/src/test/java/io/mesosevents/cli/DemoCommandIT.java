package io.mesosevents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `demo` from the packaged jar: the whole platform in one process says it is ready, its API answers
 * with the simulated cluster's apps and tasks, and SIGTERM stops every part; a taken port is one line.
 */
class DemoCommandIT {

    private static final Pattern API = Pattern.compile("REST API:\\s+(http://\\S+)/api/v1/apps");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDemoServesTheSimulatedClusterAndStopsCleanly(@TempDir Path dataDir) throws Exception {
        int port = freePort();
        try (RunningCommand demo = RunningCommand.start(List.of("demo", "--data-dir", dataDir.toString(),
                "--http-port", Integer.toString(port), "--kafka-port", "0", "--registry-port", "0"))) {
            String api = demo.awaitMatch(API);
            assertThat(demo.output()).anyMatch(line -> line.contains("mesos-events demo is ready"));

            HttpClient http = HttpClient.newHttpClient();
            JsonNode apps = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/apps?limit=1000")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(apps.path("data")).as("the apps of the simulated cluster").isNotEmpty();
            assertThat(apps.path("data").get(0).path("cluster").asText()).isEqualTo("demo");
            JsonNode tasks = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/tasks?limit=1")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(tasks.path("data")).isNotEmpty();

            assertThat(demo.stop()).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(demo.output()).anyMatch(line -> line.contains("Stopping demo"));
            assertThat(demo.output()).anyMatch(line -> line.contains("Kafka broker on") && line.contains("stopped"));
        }
    }

    @Test
    void aTakenPortIsOneClearLine(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0);
             RunningCommand demo = RunningCommand.start(List.of("demo", "--data-dir", dataDir.toString(),
                     "--http-port", Integer.toString(taken.getLocalPort()), "--kafka-port", "0", "--registry-port", "0"))) {
            assertThat(demo.awaitExit()).isNotZero();
            assertThat(demo.output()).anyMatch(line -> line.startsWith("Error:") && line.contains(Integer.toString(taken.getLocalPort())));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
