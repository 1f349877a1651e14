package io.mesosevents.streams.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.state.TaskView;
import io.mesosevents.registry.serde.AvroSerdes;
import io.mesosevents.streams.StreamsAppConfig;
import io.mesosevents.streams.ViewStores;
import io.mesosevents.streams.app.ViewsApp;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance whose Kafka Streams has not started (no broker is needed) and whose topology has only
 * the tasks store: every answer is still a clear JSON one.
 */
class NotRunningInstanceTest {

    @TempDir
    static Path stateDir;

    private static ViewsApp app;
    private static RestServer server;
    private static HttpCalls http;

    @BeforeAll
    static void startServerOverAnUnstartedApp() {
        AvroClassTrust.install();
        int port = TestCluster.freePort();
        StreamsAppConfig config = StreamsAppConfig.defaults().withApplicationId("not-running")
                .withBootstrapServers("127.0.0.1:1").withSchemaRegistryUrl("http://127.0.0.1:1").withStateDir(stateDir)
                .withApplicationServer("127.0.0.1:" + port);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        app = ViewsApp.create(config, tasksOnly(config), registry);
        server = RestServer.start(TestCluster.rest(port), app, registry);
        http = new HttpCalls(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        app.close();
    }

    @Test
    void theStoresOfTheTopologyAreKnown() {
        assertThat(app.stores().all()).containsExactly(ViewStores.TASKS);
    }

    @Test
    void aViewTheTopologyLacksIsA404NamingTheStore() {
        HttpCalls.Answer deployments = http.get("/api/v1/deployments");
        assertThat(deployments.status()).isEqualTo(404);
        assertThat(deployments.json().path("store").asText()).isEqualTo("deployments");
        assertThat(deployments.json().path("error").asText()).contains("not served");

        assertThat(http.get("/api/v1/apps/eu1/prod/web/endpoints").json().path("store").asText()).isEqualTo("app-tasks");
        assertThat(http.get("/api/v1/apps/eu1/prod/web/tasks").json().path("store").asText()).isEqualTo("apps");
    }

    @Test
    void queriesBeforeKafkaStreamsRunsAre503WithRetryAfter() {
        for (String path : new String[] {"/api/v1/tasks", "/api/v1/tasks/eu1/t1", "/api/v1/instances"}) {
            HttpCalls.Answer answer = http.get(path);

            assertThat(answer.status()).as(path).isEqualTo(503);
            assertThat(answer.retryAfter()).as(path).contains("1");
            assertThat(answer.contentType()).as(path).startsWith("application/json");
            assertThat(answer.json().path("error").asText()).as(path).contains("CREATED");
            assertThat(answer.json().path("state").asText()).as(path).isEqualTo("CREATED");
        }
    }

    @Test
    void badParametersAreCheckedFirst() {
        HttpCalls.Answer answer = http.get("/api/v1/tasks?limit=0");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("parameter").asText()).isEqualTo("limit");
    }

    @Test
    void livenessReadinessAndDescription() {
        assertThat(http.json("/health", 200).path("status").asText()).isEqualTo("UP");

        HttpCalls.Answer ready = http.get("/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().path("state").asText()).isEqualTo("CREATED");
        assertThat(ready.json().path("ready").asBoolean()).isFalse();
        assertThat(ready.json().path("error").asText()).contains("not ready");

        HttpCalls.Answer openApi = http.get("/openapi.json");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.contentType()).startsWith("application/json");
        assertThat(openApi.json().path("paths").has("/api/v1/tasks/{id}")).isTrue();
    }

    @Test
    void otherMethodsAndUnknownRoutesAreJsonErrors() throws Exception {
        HttpResponse<String> post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/v1/tasks")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(JsonBodies.read(post.body()).path("error").asText()).contains("POST");

        assertThat(http.get("/nothing").json().path("error").asText()).contains("no route GET /nothing");
    }

    @Test
    void aTakenPortIsAClearError() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        assertThatThrownBy(() -> RestServer.start(TestCluster.rest(server.port()), app, registry))
                .isInstanceOf(HttpPortInUseException.class)
                .hasMessageContaining("port " + server.port()).hasMessageContaining("already in use");
    }

    /** Just the tasks store, materialised from the state topic. */
    private static Topology tasksOnly(StreamsAppConfig config) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table("state.tasks", Consumed.with(Serdes.String(), AvroSerdes.specific(TaskView.class, config.serdeConfig(), false)),
                Materialized.<String, TaskView, KeyValueStore<Bytes, byte[]>>as(ViewStores.TASKS.storeName()));
        return builder.build();
    }
}
