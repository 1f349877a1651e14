package io.mesosevents.registry.client;

import static io.mesosevents.registry.testing.Schemas.oneField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mesosevents.registry.testing.StubHttpServer;
import io.mesosevents.registry.testing.StubHttpServer.Reply;
import io.mesosevents.registry.testing.StubHttpServer.Request;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries, fail-over, headers and authentication against real local HTTP servers. */
class RegistryTransportTest {

    private static final Reply UNAVAILABLE = new Reply(503, "{\"error_code\":50003,\"message\":\"leader unknown\"}");
    private static final Reply ID_7 = new Reply(200, "{\"id\":7}");

    private StubHttpServer stub;

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    private SchemaRegistryClient client(String urls, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(SchemaRegistryClientConfig.URL, urls);
        config.putIfAbsent(SchemaRegistryClientConfig.RETRY_BACKOFF_MS, 50);
        config.putIfAbsent(SchemaRegistryClientConfig.RETRY_BACKOFF_MAX_MS, 1_000);
        return SchemaRegistryClient.fromConfig(config);
    }

    @Test
    void retriesServerErrorsWithExponentialBackoff() {
        stub = StubHttpServer.start(StubHttpServer.script(ID_7, UNAVAILABLE, UNAVAILABLE));
        assertThat(client(stub.url(), Map.of()).register("s", oneField("Rec"))).isEqualTo(7);

        List<Request> requests = stub.requests();
        assertThat(requests).hasSize(3);
        assertThat(gap(requests, 0)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(gap(requests, 1)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void retries408And429() {
        stub = StubHttpServer.start(StubHttpServer.script(ID_7, new Reply(408, ""), new Reply(429, "")));
        assertThat(client(stub.url(), Map.of()).register("s", oneField("Rec"))).isEqualTo(7);
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void givesUpAfterTheConfiguredAttemptsWithTheLastAnswer() {
        stub = StubHttpServer.start(StubHttpServer.script(UNAVAILABLE));
        SchemaRegistryClient client = client(stub.url(), Map.of(SchemaRegistryClientConfig.RETRIES, 2));
        assertThatThrownBy(() -> client.register("s", oneField("Rec")))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.errorCode()).isEqualTo(50003);
                    assertThat(e.registryMessage()).isEqualTo("leader unknown");
                });
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void clientErrorsAreNotRetried() {
        stub = StubHttpServer.start(StubHttpServer.script(new Reply(404, "{\"error_code\":40403,\"message\":\"Schema 3 not found\"}")));
        assertThatThrownBy(() -> client(stub.url(), Map.of()).schemaById(3))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void errorBodiesThatAreNotJsonKeepTheStatusAndText() {
        stub = StubHttpServer.start(StubHttpServer.script(new Reply(401, "<html>Unauthorized</html>")));
        assertThatThrownBy(() -> client(stub.url(), Map.of()).subjects())
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.errorCode()).isEqualTo(401);
                    assertThat(e.registryMessage()).isEqualTo("<html>Unauthorized</html>");
                });
    }

    @Test
    void refusedConnectionsFailAfterTheConfiguredAttempts() throws IOException {
        String closed = "http://127.0.0.1:" + closedPort();
        SchemaRegistryClient client = client(closed, Map.of(SchemaRegistryClientConfig.RETRIES, 2,
                SchemaRegistryClientConfig.RETRY_BACKOFF_MS, 10));
        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining("Schema registry " + closed + " unreachable")
                .hasMessageContaining("after 3 attempt(s)")
                .hasMessageContaining("ConnectException");
    }

    @Test
    void failsOverToTheNextUrl() throws IOException {
        stub = StubHttpServer.start(StubHttpServer.script(ID_7));
        // No retries: fail-over happens within one attempt, and the reachable URL stays preferred afterwards.
        SchemaRegistryClient client = client("http://127.0.0.1:" + closedPort() + "," + stub.url(),
                Map.of(SchemaRegistryClientConfig.RETRIES, 0));
        assertThat(client.register("s", oneField("Rec"))).isEqualTo(7);
        assertThat(client.register("t", oneField("Rec"))).isEqualTo(7);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void sendsTheRegistryMediaTypes() {
        stub = StubHttpServer.start(StubHttpServer.script(ID_7));
        client(stub.url(), Map.of()).register("s", oneField("Rec"));
        Request request = stub.requests().get(0);
        assertThat(request.header("Accept")).isEqualTo(
                "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5");
        assertThat(request.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.body()).startsWith("{\"schema\":");
    }

    @Test
    void sendsBasicAuthFromUserInfo() {
        stub = StubHttpServer.start(StubHttpServer.script(ID_7));
        client(stub.url(), Map.of(SchemaRegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                SchemaRegistryClientConfig.BASIC_AUTH_USER_INFO, "alice:s3cr:et")).register("s", oneField("Rec"));
        assertThat(stub.requests().get(0).header("Authorization")).isEqualTo(basic("alice:s3cr:et"));
    }

    @Test
    void sendsBasicAuthFromTheUrl() {
        stub = StubHttpServer.start(StubHttpServer.script(ID_7));
        String url = stub.url().replace("http://", "http://bob:p%40ss@");
        SchemaRegistryClient client = client(url, Map.of());
        client.register("s", oneField("Rec"));
        assertThat(stub.requests().get(0).header("Authorization")).isEqualTo(basic("bob:p@ss"));
        assertThat(client.config().urls()).isEqualTo(stub.url()).doesNotContain("bob");
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private static Duration gap(List<Request> requests, int index) {
        return Duration.ofNanos(requests.get(index + 1).nanoTime() - requests.get(index).nanoTime());
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
