package io.mesosevents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole platform from the packaged jar: `simulate all` ingested into topics of 6 partitions,
 * and two `serve` instances of one views application. Both answer every task and app of the
 * simulated cluster identically and as the simulators report them; after one instance is killed
 * with SIGKILL, the other answers every task alone.
 */
class ServeClusterIT {

    private static final Pattern KAFKA = Pattern.compile("Kafka bootstrap servers:\\s+(\\S+)");
    private static final Pattern REGISTRY = Pattern.compile("Schema registry:\\s+(http://\\S+)");
    private static final Pattern MESOS = Pattern.compile("Simulated Mesos master ready at (http://\\S+)/api/v1");
    private static final Pattern MARATHON = Pattern.compile("Simulated Marathon ready at (http://\\S+) ");
    private static final String CLUSTER = "iq";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void twoInstancesAnswerEveryKeyAsTheSimulatorsSayAndOneSurvivesTheOthersKill(@TempDir Path dir) throws Exception {
        try (RunningCommand devstack = RunningCommand.start(List.of("devstack", "--kafka-port", "0", "--registry-port", "0",
                "--data-dir", dir.resolve("data").toString()));
             // Slow rates: after the initial launches the model holds still, so the views can catch up with it.
             RunningCommand simulators = RunningCommand.start(List.of("simulate", "all", "--mesos-port", "0",
                     "--marathon-port", "0", "--mesos-rate", "0.05", "--marathon-rate", "0.05", "--apps", "6",
                     "--tasks", "40", "--cluster", CLUSTER))) {
            String kafka = devstack.awaitMatch(KAFKA);
            String registry = devstack.awaitMatch(REGISTRY);
            String mesos = simulators.awaitMatch(MESOS);
            String marathon = simulators.awaitMatch(MARATHON);
            try (RunningCommand topics = RunningCommand.start(List.of("topics", "create", "--bootstrap-servers", kafka,
                    "--partitions", "6"))) {
                assertThat(topics.awaitExit()).isZero();
            }
            int portA = freePort();
            int portB = freePort();
            try (RunningCommand ingest = RunningCommand.start(List.of("ingest", "--mesos", mesos, "--marathon", marathon,
                    "--bootstrap-servers", kafka, "--schema-registry", registry, "--http-port", "0"));
                 RunningCommand serveA = serve(kafka, registry, portA, dir.resolve("state-a"));
                 RunningCommand serveB = serve(kafka, registry, portB, dir.resolve("state-b"))) {
                String a = "http://127.0.0.1:" + portA;
                String b = "http://127.0.0.1:" + portB;
                awaitReady(a);
                awaitReady(b);

                Map<String, String> taskStates = mesosTaskStates(mesos);
                Map<String, JsonNode> apps = marathonApps(marathon);
                assertThat(taskStates).as("the simulated Mesos tasks").hasSizeGreaterThan(20);
                assertThat(apps).as("the simulated Marathon apps").isNotEmpty();

                awaitTrue(Duration.ofSeconds(120), "both instances answer every task and app as the simulators say",
                        () -> answersMatchTruth(a, b, taskStates, apps));

                serveA.kill();
                awaitTrue(Duration.ofSeconds(60), "the surviving instance answers every task",
                        () -> taskStates.keySet().stream().allMatch(task -> status(b + "/api/v1/tasks/" + CLUSTER + "/"
                                + encode(task)) == 200));
            }
        }
    }

    private static RunningCommand serve(String kafka, String registry, int port, Path stateDir) throws IOException {
        return RunningCommand.start(List.of("serve", "--bootstrap-servers", kafka, "--schema-registry", registry,
                "--http-host", "127.0.0.1", "--http-port", Integer.toString(port), "--state-dir", stateDir.toString(),
                "--application-server", "127.0.0.1:" + port));
    }

    private boolean answersMatchTruth(String a, String b, Map<String, String> taskStates, Map<String, JsonNode> apps) {
        for (Map.Entry<String, String> task : taskStates.entrySet()) {
            String path = "/api/v1/tasks/" + CLUSTER + "/" + encode(task.getKey());
            JsonNode fromA = data(a + path);
            JsonNode fromB = data(b + path);
            if (fromA == null || !fromA.equals(fromB) || !task.getValue().equals(fromA.path("state").asText())) {
                return false;
            }
        }
        for (Map.Entry<String, JsonNode> app : apps.entrySet()) {
            String path = "/api/v1/apps/" + CLUSTER + app.getKey();
            JsonNode fromA = data(a + path);
            JsonNode fromB = data(b + path);
            if (fromA == null || !fromA.equals(fromB)
                    || fromA.path("desiredInstances").asInt(-1) != app.getValue().path("instances").asInt()
                    || fromA.path("running").asInt(-1) != app.getValue().path("tasksRunning").asInt()) {
                return false;
            }
        }
        return true;
    }

    /** Every active task of the master by id, with its state, from {@code GET_STATE}. */
    private Map<String, String> mesosTaskStates(String master) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(master + "/api/v1"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"GET_STATE\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, String> states = new LinkedHashMap<>();
        for (JsonNode task : JSON.readTree(response.body()).path("get_state").path("get_tasks").path("tasks")) {
            states.put(task.path("task_id").path("value").asText(), task.path("state").asText());
        }
        return states;
    }

    /** Every Marathon app by id, from {@code /v2/apps}. */
    private Map<String, JsonNode> marathonApps(String marathon) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(marathon + "/v2/apps")).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, JsonNode> apps = new LinkedHashMap<>();
        for (JsonNode app : JSON.readTree(response.body()).path("apps")) {
            apps.put(app.path("id").asText(), app);
        }
        return apps;
    }

    /** The {@code data} of a 200 answer, else null. */
    private JsonNode data(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()).path("data") : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void awaitReady(String base) throws InterruptedException {
        awaitTrue(Duration.ofSeconds(120), base + " ready", () -> status(base + "/ready") == 200);
    }

    private static void awaitTrue(Duration timeout, String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Not within " + timeout.toSeconds() + " s: " + what);
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
