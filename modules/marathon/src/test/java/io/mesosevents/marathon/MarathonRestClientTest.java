package io.mesosevents.marathon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.mesosevents.marathon.FakeMarathon.json;
import static io.mesosevents.marathon.MarathonEvents.apps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarathonRestClientTest {

    private final FakeMarathon marathon = FakeMarathon.start();
    private final MarathonRestClient client = new MarathonRestClient(
            MarathonClientConfig.forMarathons(List.of(marathon.url())).withRequestTimeout(Duration.ofSeconds(5)));

    MarathonRestClientTest() throws IOException {
    }

    @AfterEach
    void close() {
        marathon.close();
    }

    @Test
    void readsASnapshotOfAppsDeploymentsAndPods() throws Exception {
        marathon.on("/v2/apps", json(200, apps("/web", "/db")))
                .on("/v2/deployments", json(200, "[{\"id\":\"d1\",\"affectedApps\":[\"/web\"]}]"))
                .on("/v2/pods", json(200, "[{\"id\":\"/pod\"}]"));
        Instant before = Instant.now();

        MarathonSnapshot snapshot = client.snapshot(marathon.url(), true);

        assertThat(snapshot.apps()).extracting(app -> app.path("id").asText()).containsExactly("/web", "/db");
        assertThat(snapshot.deployments()).extracting(d -> d.path("id").asText()).containsExactly("d1");
        assertThat(snapshot.pods()).extracting(p -> p.path("id").asText()).containsExactly("/pod");
        assertThat(snapshot.podsSupported()).isTrue();
        assertThat(snapshot.periodic()).isTrue();
        assertThat(snapshot.readAt()).isBetween(before, Instant.now());
        FakeMarathon.Request apps = marathon.request("/v2/apps");
        assertThat(apps.query())
                .isEqualTo("embed=apps.tasks&embed=apps.deployments&embed=apps.counts&embed=apps.readiness&embed=apps.lastTaskFailure");
        assertThat(apps.header("Accept")).isEqualTo("application/json");
    }

    @Test
    void aMarathonWithoutPodsHasNone() throws Exception {
        marathon.on("/v2/pods", json(404, "{\"message\":\"Not Found\"}"));

        MarathonSnapshot snapshot = client.snapshot(marathon.url(), false);

        assertThat(snapshot.pods()).isEmpty();
        assertThat(snapshot.podsSupported()).isFalse();
    }

    @Test
    void readsUnderAPathPrefix() throws Exception {
        marathon.on("/service/marathon/v2/apps", json(200, apps("/web")))
                .on("/service/marathon/v2/deployments", json(200, "[]"))
                .on("/service/marathon/v2/pods", json(200, "[]"));

        MarathonSnapshot snapshot = client.snapshot(URI.create(marathon.url() + "/service/marathon/"), false);

        assertThat(snapshot.apps()).hasSize(1);
    }

    @Test
    void aFailureNamesTheUrlAndTheStatus() {
        marathon.on("/v2/apps", json(500, "{\"message\":\"An unexpected server error occurred\"}"));

        assertThatThrownBy(() -> client.snapshot(marathon.url(), false))
                .isInstanceOfSatisfying(MarathonHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.url()).isEqualTo(URI.create(marathon.url() + MarathonRestClient.APPS_PATH));
                })
                .hasMessage("GET " + marathon.url() + MarathonRestClient.APPS_PATH
                        + " answered HTTP 500: {\"message\":\"An unexpected server error occurred\"}");
    }

    @Test
    void anAnswerOfTheWrongShapeIsAnError() {
        marathon.on("/v2/deployments", json(200, "{\"deployments\":[]}"));

        assertThatThrownBy(() -> client.snapshot(marathon.url(), false))
                .isInstanceOf(MarathonHttpException.class)
                .hasMessage("GET " + marathon.url() + "/v2/deployments answered HTTP 200: expected an array but got a JSON object");
    }

    @Test
    void anAnswerThatIsNotJsonIsAnError() {
        marathon.on("/v2/info", json(200, "<html>login</html>"));

        assertThatThrownBy(() -> client.info(marathon.url()))
                .isInstanceOf(MarathonHttpException.class)
                .hasMessageStartingWith("GET " + marathon.url() + "/v2/info answered HTTP 200: the answer is not JSON");
    }

    @Test
    void aStalledAnswerTimesOut() {
        MarathonRestClient impatient = new MarathonRestClient(
                MarathonClientConfig.forMarathons(List.of(marathon.url())).withRequestTimeout(Duration.ofMillis(300)));
        marathon.on("/v2/apps", (exchange, closing) -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("{\"apps\":[".getBytes());
            exchange.getResponseBody().flush();
            closing.await(10, TimeUnit.SECONDS);
        });

        assertThatThrownBy(() -> impatient.snapshot(marathon.url(), false))
                .isInstanceOf(HttpTimeoutException.class)
                .hasMessageEndingWith("/v2/apps?embed=apps.tasks&embed=apps.deployments&embed=apps.counts&embed=apps.readiness"
                        + "&embed=apps.lastTaskFailure got no complete answer within 300 ms");
    }

    @Test
    void readsTheLeader() throws Exception {
        assertThat(client.leader(marathon.url())).contains("127.0.0.1:" + marathon.url().getPort());

        marathon.on("/v2/leader", json(404, "{\"message\":\"There is no leader\"}"));
        assertThat(client.leader(marathon.url())).isEmpty();
    }

    @Test
    void readsTheInfo() throws Exception {
        marathon.on("/v2/info", json(200, "{\"name\":\"marathon\",\"version\":\"1.4.13\",\"frameworkId\":\"fw-1\",\"leader\":\"m1:8080\","
                + "\"marathon_config\":{\"master\":\"zk://zk1:2181/mesos\"},\"elected\":true}"));

        MarathonInfo info = client.info(marathon.url());

        assertThat(info.name()).isEqualTo("marathon");
        assertThat(info.version()).isEqualTo("1.4.13");
        assertThat(info.frameworkId()).contains("fw-1");
        assertThat(info.leader()).contains("m1:8080");
        assertThat(info.mesosMaster()).contains("zk://zk1:2181/mesos");
        assertThat(info.json().path("elected").asBoolean()).isTrue();
    }

    @Test
    void registersListsAndUnregistersCallbacks() throws Exception {
        URI callback = URI.create("http://ingestor:9090/marathon/events?token=a&b=c");

        client.subscribe(marathon.url(), callback);
        assertThat(client.eventSubscriptions(marathon.url())).containsExactly(callback.toString());
        client.unsubscribe(marathon.url(), callback);
        assertThat(client.eventSubscriptions(marathon.url())).isEmpty();

        FakeMarathon.Request post = marathon.request("/v2/eventSubscriptions");
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.query()).isEqualTo("callbackUrl=http%3A%2F%2Fingestor%3A9090%2Fmarathon%2Fevents%3Ftoken%3Da%26b%3Dc");
    }
}
