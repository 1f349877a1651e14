package io.mesosevents.streams.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.junit.DevStackExtension;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.streams.app.ViewsApp;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the views application with the real topology, in this JVM, against the embedded
 * broker and registry: any instance answers any task, collections are gathered from both, and when
 * one instance stops the other takes over.
 */
@ExtendWith(DevStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

    private static final String PREFIX = "two-instances.";

    @TempDir
    static Path stateDirs;

    private static ViewsServer first;
    // The second instance in its two parts, so that a test can take its HTTP server away alone.
    private static ViewsApp secondApp;
    private static RestServer secondServer;
    private static HttpCalls firstHttp;
    private static HttpCalls secondHttp;
    private static String firstName;
    private static String secondName;

    @BeforeAll
    static void startTwoInstances(DevStack stack) throws Exception {
        AvroClassTrust.install();
        TestCluster.createTopics(stack, PREFIX);
        Instant now = Instant.now();
        TestCluster.produce(stack, Topic.MESOS_TASK_EVENTS.name(PREFIX), MesosTaskEvent.class, TaskFixtures.addedEvents(now));
        TestCluster.produce(stack, Topic.MESOS_TASK_EVENTS.name(PREFIX), MesosTaskEvent.class, TaskFixtures.updateEvents(now));

        String applicationId = "two-instances-" + UUID.randomUUID();
        int firstPort = TestCluster.freePort();
        int secondPort = TestCluster.freePort();
        first = ViewsServer.start(TestCluster.instance(stack, applicationId, PREFIX, stateDirs.resolve("first"), firstPort),
                TestCluster.rest(firstPort));
        PrometheusMeterRegistry secondRegistry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        secondApp = ViewsApp.create(TestCluster.instance(stack, applicationId, PREFIX, stateDirs.resolve("second"), secondPort),
                secondRegistry);
        secondServer = RestServer.start(TestCluster.rest(secondPort), secondApp, secondRegistry);
        secondApp.start();
        firstHttp = new HttpCalls(firstPort);
        secondHttp = new HttpCalls(secondPort);
        firstName = "127.0.0.1:" + firstPort;
        secondName = "127.0.0.1:" + secondPort;

        Eventually.holds(Duration.ofSeconds(60), "both instances ready",
                () -> firstHttp.get("/ready").status() == 200 && secondHttp.get("/ready").status() == 200
                        && firstHttp.get("/api/v1/instances").json().path("data").size() == 2);
        Eventually.holds(Duration.ofSeconds(30), "every task in the views",
                () -> firstHttp.get("/api/v1/tasks?limit=1000").status() == 200
                        && firstHttp.json("/api/v1/tasks?limit=1000", 200).path("data").size() == TaskFixtures.COUNT);
    }

    @AfterAll
    static void stopInstances() {
        if (secondServer != null) {
            secondServer.close();
        }
        if (secondApp != null) {
            secondApp.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    @Order(1)
    void everyTaskIsAnsweredIdenticallyByBothInstancesAndNamesItsOwner() {
        Set<String> owners = new TreeSet<>();
        for (int i = 0; i < TaskFixtures.COUNT; i++) {
            String path = "/api/v1/tasks/" + TaskFixtures.key(i);
            JsonNode viaFirst = firstHttp.json(path, 200);
            JsonNode viaSecond = secondHttp.json(path, 200);

            assertThat(viaSecond).as("task %s via either instance", TaskFixtures.key(i)).isEqualTo(viaFirst);
            assertThat(viaFirst.path("data").path("taskId").asText()).isEqualTo(TaskFixtures.taskId(i));
            assertThat(viaFirst.path("data").path("cluster").asText()).isEqualTo(TaskFixtures.cluster(i));
            assertThat(viaFirst.path("data").path("state").asText()).isEqualTo(TaskFixtures.state(i).name());
            assertThat(viaFirst.path("standby").asBoolean()).isFalse();
            assertThat(viaFirst.path("lagRecords").asLong()).isZero();
            owners.add(viaFirst.path("answeredBy").asText());
        }
        assertThat(owners).as("the tasks are spread over both instances, so half the lookups were forwarded")
                .containsExactlyInAnyOrder(firstName, secondName);
    }

    @Test
    @Order(2)
    void rowsAreRenderedFromTheSchema() {
        JsonNode row = firstHttp.json("/api/v1/tasks/" + TaskFixtures.key(1), 200).path("data");

        assertThat(row.path("appId").asText()).isEqualTo(TaskFixtures.appId(1));
        assertThat(row.path("ports")).hasSize(1);
        assertThat(row.path("ports").get(0).asLong()).isEqualTo(31001L);
        assertThat(row.path("labels").path("index").asText()).isEqualTo("1");
        assertThat(Instant.parse(row.path("updatedAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(row.path("started").asText()).endsWith("Z");
        assertThat(row.path("resources").get(0).path("ranges").get(0).path("begin").asLong()).isEqualTo(31001L);
        assertThat(row.has("finished")).isTrue();
        assertThat(row.path("finished").isNull()).isTrue();
    }

    @Test
    @Order(3)
    void theTaskCollectionPagesThroughEveryTaskFromEitherInstance() {
        Set<String> expected = new TreeSet<>();
        IntStream.range(0, TaskFixtures.COUNT).forEach(i -> expected.add(TaskFixtures.key(i)));
        for (HttpCalls http : List.of(firstHttp, secondHttp)) {
            List<String> seen = http.taskKeysOfEveryPage("/api/v1/tasks?limit=7");

            assertThat(seen).doesNotHaveDuplicates().hasSize(TaskFixtures.COUNT);
            assertThat(new TreeSet<>(seen)).isEqualTo(expected);
            assertThat(seen).as("key order").isSorted();
        }
        JsonNode page = firstHttp.json("/api/v1/tasks?limit=7", 200);
        assertThat(page.path("data")).hasSize(7);
        assertThat(page.path("nextCursor").isTextual()).isTrue();
        assertThat(page.path("answeredBy")).extracting(JsonNode::asText).containsExactlyInAnyOrder(firstName, secondName);
    }

    @Test
    @Order(4)
    void filtersNarrowTheCollection() {
        assertThat(keys(firstHttp, "/api/v1/tasks?cluster=eu1&limit=1000"))
                .containsExactlyInAnyOrderElementsOf(expectedKeys(i -> TaskFixtures.cluster(i).equals("eu1")));
        assertThat(keys(secondHttp, "/api/v1/tasks?state=TASK_STAGING&limit=1000"))
                .containsExactlyInAnyOrderElementsOf(expectedKeys(i -> TaskFixtures.state(i) == TaskState.TASK_STAGING));
        assertThat(keys(firstHttp, "/api/v1/tasks?state=task_running&agent=agent-S1&limit=1000"))
                .containsExactlyInAnyOrderElementsOf(expectedKeys(i -> TaskFixtures.state(i) == TaskState.TASK_RUNNING
                        && TaskFixtures.agent(i).equals("agent-S1")));
        assertThat(keys(secondHttp, "/api/v1/tasks?app=" + encode("/prod/web") + "&cluster=us1&limit=1000"))
                .containsExactlyInAnyOrderElementsOf(expectedKeys(i -> TaskFixtures.appId(i).equals("/prod/web")
                        && TaskFixtures.cluster(i).equals("us1")))
                .isNotEmpty();
        assertThat(keys(firstHttp, "/api/v1/tasks?app=prod/web&limit=1000"))
                .as("an app id without its leading slash")
                .containsExactlyInAnyOrderElementsOf(expectedKeys(i -> TaskFixtures.appId(i).equals("/prod/web")));
        assertThat(secondHttp.taskKeysOfEveryPage("/api/v1/tasks?cluster=us1&state=TASK_RUNNING&limit=4"))
                .containsExactlyInAnyOrderElementsOf(expectedKeys(i -> TaskFixtures.cluster(i).equals("us1")
                        && TaskFixtures.state(i) == TaskState.TASK_RUNNING));
    }

    @Test
    @Order(5)
    void unknownIdsAndBadParametersAreJsonErrors() {
        HttpCalls.Answer missing = secondHttp.get("/api/v1/tasks/eu1/no-such-task");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/json");
        assertThat(missing.json().path("error").asText()).contains("no task");
        assertThat(missing.json().path("id").asText()).isEqualTo("eu1/no-such-task");

        assertBadParameter("/api/v1/tasks?limit=0", "limit", "between 1 and 1000");
        assertBadParameter("/api/v1/tasks?limit=1001", "limit", "between 1 and 1000");
        assertBadParameter("/api/v1/tasks?limit=many", "limit", "whole number");
        assertBadParameter("/api/v1/tasks?cursor=%25%25", "cursor", "not a cursor");
        assertBadParameter("/api/v1/tasks?state=TASK_SLEEPING", "state", "TASK_RUNNING");
        assertBadParameter("/api/v1/tasks?colour=blue", "colour", "unknown");
        assertBadParameter("/api/v1/tasks?cluster=eu1/x", "cluster", "not a cluster name");
        assertBadParameter("/api/v1/tasks/" + TaskFixtures.key(0) + "?maxLag=-1", "maxLag", "negative");
        assertBadParameter("/api/v1/health?status=sick", "status", "healthy, unhealthy, unknown");

        HttpCalls.Answer noCluster = firstHttp.get("/api/v1/tasks/just-an-id");
        assertThat(noCluster.status()).isEqualTo(400);
        assertThat(noCluster.json().path("id").asText()).isEqualTo("just-an-id");

        HttpCalls.Answer noRoute = firstHttp.get("/api/v1/nothing-here");
        assertThat(noRoute.status()).isEqualTo(404);
        assertThat(noRoute.json().path("error").asText()).contains("no route");
    }

    @Test
    @Order(6)
    void readinessMetricsAndInstances() {
        assertThat(firstHttp.json("/ready", 200).path("state").asText()).isEqualTo("RUNNING");
        assertThat(firstHttp.json("/health", 200).path("status").asText()).isEqualTo("UP");

        String metrics = secondHttp.get("/metrics").text();
        assertThat(metrics).contains("kafka_stream_");
        assertThat(metrics).contains("mesos_events_views_http_requests_seconds_count{")
                .contains("route=\"/api/v1/tasks/<id>\"").contains("forwarded=\"true\"");

        JsonNode instances = firstHttp.json("/api/v1/instances", 200);
        assertThat(instances.path("data")).extracting(instance -> instance.path("instance").asText())
                .containsExactlyInAnyOrder(firstName, secondName).isSorted();
        Set<Integer> active = new HashSet<>();
        Set<Integer> standby = new HashSet<>();
        for (JsonNode instance : instances.path("data")) {
            assertThat(instance.path("reachable").asBoolean()).isTrue();
            assertThat(instance.path("state").asText()).isEqualTo("RUNNING");
            instance.path("stores").path("tasks").path("active").forEach(partition -> active.add(partition.asInt()));
            instance.path("stores").path("tasks").path("standby").forEach(partition -> standby.add(partition.asInt()));
            assertThat(instance.path("stores").path("tasks").path("lagRecords").size()).isPositive();
        }
        assertThat(active).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        assertThat(standby).as("one standby replica of every partition").containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
    }

    @Test
    @Order(50)
    void whenTheActiveOwnerCannotBeReachedItsStandbyAnswers() {
        secondServer.close();
        secondServer = null;

        // The second instance still owns its partitions (its Kafka Streams runs), but no request reaches it.
        int fromStandby = 0;
        for (int i = 0; i < TaskFixtures.COUNT; i++) {
            JsonNode answer = firstHttp.json("/api/v1/tasks/" + TaskFixtures.key(i), 200);
            assertThat(answer.path("answeredBy").asText()).isEqualTo(firstName);
            assertThat(answer.path("data").path("taskId").asText()).isEqualTo(TaskFixtures.taskId(i));
            if (answer.path("standby").asBoolean()) {
                fromStandby++;
                assertThat(answer.path("lagRecords").asLong()).isLessThanOrEqualTo(RestConfig.DEFAULT_MAX_LAG);
            }
        }
        assertThat(fromStandby).as("the keys the unreachable instance owns").isPositive();

        JsonNode page = firstHttp.json("/api/v1/tasks?limit=1000", 200);
        assertThat(page.path("data")).hasSize(TaskFixtures.COUNT);
        assertThat(page.path("standby").asBoolean()).isTrue();
        assertThat(page.path("answeredBy")).extracting(JsonNode::asText).containsExactly(firstName);

        JsonNode instances = firstHttp.json("/api/v1/instances", 200);
        assertThat(instances.path("data")).anySatisfy(instance -> {
            assertThat(instance.path("instance").asText()).isEqualTo(secondName);
            assertThat(instance.path("reachable").asBoolean()).isFalse();
            assertThat(instance.path("error").asText()).isEqualTo("connection refused");
        });
    }

    @Test
    @Order(100)
    void whenOneInstanceStopsTheOtherAnswersEveryTask() {
        long stoppedAt = System.nanoTime();
        secondApp.close();
        secondApp = null;

        // After the rebalance the first instance owns every partition: no answer comes from a standby any more.
        Eventually.passes(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < TaskFixtures.COUNT; i++) {
                JsonNode answer = firstHttp.json("/api/v1/tasks/" + TaskFixtures.key(i), 200);
                assertThat(answer.path("answeredBy").asText()).isEqualTo(firstName);
                assertThat(answer.path("standby").asBoolean()).isFalse();
            }
        });
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(Duration.ofSeconds(60));
        assertThat(firstHttp.taskKeysOfEveryPage("/api/v1/tasks?limit=9")).hasSize(TaskFixtures.COUNT);
    }

    private static void assertBadParameter(String path, String parameter, String why) {
        HttpCalls.Answer answer = firstHttp.get(path);
        assertThat(answer.status()).as(path).isEqualTo(400);
        assertThat(answer.json().path("parameter").asText()).as(path).isEqualTo(parameter);
        assertThat(answer.json().path("error").asText()).as(path).contains(parameter).contains(why);
    }

    private static List<String> keys(HttpCalls http, String path) {
        List<String> keys = new ArrayList<>();
        http.json(path, 200).path("data").forEach(row -> keys.add(row.path("cluster").asText() + "/" + row.path("taskId").asText()));
        return keys;
    }

    private static List<String> expectedKeys(IntPredicate which) {
        return IntStream.range(0, TaskFixtures.COUNT).filter(which).mapToObj(TaskFixtures::key).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
