package io.mesosevents.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} from the packaged jar: two instances form one application, a taken port is a one-line error. */
class ServeCommandIT {

    private static final Pattern KAFKA = Pattern.compile("Kafka bootstrap servers:\\s+(\\S+)");
    private static final Pattern REGISTRY = Pattern.compile("Schema registry:\\s+(http://\\S+)");
    private static final Pattern SERVING = Pattern.compile("interactive queries on (http://\\S+)/api/v1");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSecondServeWithTheSameSettingsAddsAnInstance(@TempDir Path dir) throws Exception {
        try (JarProcess devstack = JarProcess.start(List.of("devstack", "--kafka-port", "0", "--registry-port", "0",
                "--data-dir", dir.resolve("data").toString()), Map.of())) {
            String kafka = devstack.awaitMatch(KAFKA);
            String registry = devstack.awaitMatch(REGISTRY);
            int firstPort = freePort();
            int secondPort = freePort();
            // The schema registry comes from the environment for one instance and from the flag for the other.
            try (JarProcess first = JarProcess.start(serve(kafka, firstPort, dir, List.of("--schema-registry", registry)), Map.of());
                 JarProcess second = JarProcess.start(serve(kafka, secondPort, dir, List.of()),
                         Map.of("MESOS_EVENTS_SCHEMA_REGISTRY", registry))) {
                String firstUrl = first.awaitMatch(SERVING);
                String secondUrl = second.awaitMatch(SERVING);
                assertThat(firstUrl).isEqualTo("http://127.0.0.1:" + firstPort);
                assertThat(secondUrl).isEqualTo("http://127.0.0.1:" + secondPort);

                awaitBody(secondUrl + "/api/v1/instances", body -> body.contains("\"127.0.0.1:" + firstPort + "\"")
                        && body.contains("\"127.0.0.1:" + secondPort + "\"") && !body.contains("\"ready\":false"));
                assertThat(get(firstUrl + "/ready").statusCode()).isEqualTo(200);
                HttpResponse<String> tasks = get(firstUrl + "/api/v1/tasks");
                assertThat(tasks.statusCode()).isEqualTo(200);
                assertThat(tasks.body()).startsWith("{\"data\":[]").contains("\"nextCursor\":null");
                assertThat(get(secondUrl + "/api/v1/tasks/eu1/nothing").body()).contains("\"id\":\"eu1/nothing\"");

                try (JarProcess taken = JarProcess.start(serve(kafka, firstPort, dir.resolve("other"),
                        List.of("--schema-registry", registry)), Map.of())) {
                    assertThat(taken.awaitExit()).isNotZero();
                    assertThat(taken.output()).contains("Error: HTTP port " + firstPort + " on 127.0.0.1 is already in use")
                            .doesNotContain("\tat ");
                }
            }
        }
    }

    private static List<String> serve(String kafka, int port, Path dir, List<String> more) {
        List<String> args = new ArrayList<>(List.of("serve", "--bootstrap-servers", kafka, "--http-host", "127.0.0.1",
                "--http-port", Integer.toString(port), "--application-server", "127.0.0.1:" + port,
                "--state-dir", dir.resolve("views").toString(), "--application-id", "serve-it",
                "--kafka-property", "consumer.session.timeout.ms=6000"));
        args.addAll(more);
        return args;
    }

    private void awaitBody(String url, Predicate<String> wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = get(url);
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200 && wanted.test(response.body())) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("GET " + url + " never answered as wanted; last: " + last);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
