package io.mesosevents.streams.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.junit.DevStackExtension;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.model.mesos.MesosAgentEvent;
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
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code asOf} on the single-entity routes, with two instances of the real topology against the embedded
 * broker: tasks staged, running and killing at three past hours, read as of times before, between and after
 * those changes through either instance (so half the reads are forwarded to the key's owner).
 */
@ExtendWith(DevStackExtension.class)
class AsOfTwoInstancesTest {

    private static final String PREFIX = "as-of.";
    private static final String CLUSTER = "eu1";
    private static final String AGENT = "agent-asof-1";
    private static final String HOST = "host-a.eu1.internal";
    private static final int TASKS = 10;

    @TempDir
    static Path stateDirs;

    private static ViewsServer first;
    private static ViewsApp secondApp;
    private static RestServer secondServer;
    private static HttpCalls firstHttp;
    private static HttpCalls secondHttp;
    private static final List<String> taskIds = new ArrayList<>();
    // The agent arrives first; then every task is staged at t1, running at t2 and killing at t3.
    private static Instant t0;
    private static Instant t1;
    private static Instant t2;
    private static Instant t3;

    @BeforeAll
    static void startTwoInstancesAndWriteHistory(DevStack stack) throws Exception {
        AvroClassTrust.install();
        TestCluster.createTopics(stack, PREFIX);
        String applicationId = "as-of-" + UUID.randomUUID();
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
        Eventually.holds(Duration.ofSeconds(60), "both instances ready",
                () -> firstHttp.get("/ready").status() == 200 && secondHttp.get("/ready").status() == 200
                        && firstHttp.json("/api/v1/instances", 200).path("data").size() == 2);

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        t0 = now.minus(Duration.ofHours(4));
        t1 = now.minus(Duration.ofHours(3));
        t2 = now.minus(Duration.ofHours(2));
        t3 = now.minus(Duration.ofHours(1));
        for (int i = 0; i < TASKS; i++) {
            taskIds.add(TimedTaskEvents.taskId(i % 2 == 0 ? "asof_web" : "asof_api"));
        }
        // One change at a time, each written once it is in the history: the views keep the latest of changes
        // to one row that arrive together (see the report), and this test is about reading the history.
        TimedTaskEvents.produce(stack, Topic.MESOS_AGENT_EVENTS.name(PREFIX), MesosAgentEvent.class,
                List.of(TimedTaskEvents.agentAdded(CLUSTER, AGENT, HOST, t0)));
        awaitHistory("/api/v1/agents/" + CLUSTER + "/" + AGENT, t0, agent -> true);
        List<TimedTaskEvents.Timed<MesosTaskEvent>> added = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            added.add(TimedTaskEvents.added(CLUSTER, taskIds.get(i), AGENT, 31000 + i, t1));
        }
        writeAndAwait(stack, added, t1, app -> app.path("staged").asInt() == TASKS / 2);
        writeAndAwait(stack, taskIds.stream().map(task -> TimedTaskEvents.updated(CLUSTER, task, TaskState.TASK_RUNNING, 2, t2))
                .toList(), t2, app -> app.path("running").asInt() == TASKS / 2);
        writeAndAwait(stack, taskIds.stream().map(task -> TimedTaskEvents.updated(CLUSTER, task, TaskState.TASK_KILLING, 3, t3))
                .toList(), t3, app -> app.path("running").asInt() == 0);
    }

    /**
     * Writes one change of every task, all at {@code at}, and waits until the tasks have it in their history and
     * each app's latest version, written at {@code at}, is {@code appDone}.
     */
    private static void writeAndAwait(DevStack stack, List<TimedTaskEvents.Timed<MesosTaskEvent>> changes, Instant at,
                                      Predicate<JsonNode> appDone) throws Exception {
        TimedTaskEvents.produce(stack, Topic.MESOS_TASK_EVENTS.name(PREFIX), MesosTaskEvent.class, changes);
        for (String taskId : taskIds) {
            awaitHistory("/api/v1/tasks/" + CLUSTER + "/" + taskId, at, task -> !task.path("host").isNull());
        }
        awaitHistory("/api/v1/apps/" + CLUSTER + "/asof/web", at, appDone);
        awaitHistory("/api/v1/apps/" + CLUSTER + "/asof/api", at, appDone);
    }

    /** Waits until the latest version of the entity at {@code path} was written at {@code at} and is {@code done}. */
    private static void awaitHistory(String path, Instant at, Predicate<JsonNode> done) {
        Eventually.holds(Duration.ofSeconds(30), path + " written at " + at, () -> {
            HttpCalls.Answer answer = firstHttp.get(path + "?asOf=" + Instant.now().minusMillis(1));
            return answer.status() == 200 && Instant.parse(answer.json().path("validFrom").asText()).equals(at)
                    && done.test(answer.json().path("data"));
        });
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
    void everyTaskIsReadAsOfBeforeBetweenAndAfterItsChangesThroughEitherInstance() {
        Set<String> answeredBy = new TreeSet<>();
        for (String taskId : taskIds) {
            String path = "/api/v1/tasks/" + CLUSTER + "/" + taskId;
            for (HttpCalls http : List.of(firstHttp, secondHttp)) {
                HttpCalls.Answer before = http.get(path + "?asOf=" + iso(t1.minusSeconds(60)));
                assertThat(before.status()).as("%s before it was added", taskId).isEqualTo(404);
                assertThat(before.json().path("id").asText()).isEqualTo(CLUSTER + "/" + taskId);

                JsonNode atAdd = http.json(path + "?asOf=" + iso(t1), 200);
                assertThat(atAdd.path("data").path("state").asText()).as("at the very instant it was added")
                        .isEqualTo("TASK_STAGING");

                JsonNode staging = http.json(path + "?asOf=" + iso(t1.plus(Duration.ofMinutes(30))), 200);
                assertThat(staging.path("data").path("taskId").asText()).isEqualTo(taskId);
                assertThat(staging.path("data").path("state").asText()).isEqualTo("TASK_STAGING");
                assertThat(staging.path("asOf").asText()).isEqualTo(t1.plus(Duration.ofMinutes(30)).toString());
                assertThat(Instant.parse(staging.path("validFrom").asText())).isEqualTo(t1);
                assertThat(Instant.parse(staging.path("validTo").asText())).isEqualTo(t2);
                assertThat(staging.path("standby").asBoolean()).isFalse();

                JsonNode running = http.json(path + "?asOf=" + t2.plus(Duration.ofMinutes(30)).toEpochMilli(), 200);
                assertThat(running.path("data").path("state").asText()).as("asOf in epoch milliseconds")
                        .isEqualTo("TASK_RUNNING");
                assertThat(running.path("asOf").asText()).isEqualTo(t2.plus(Duration.ofMinutes(30)).toString());

                JsonNode killing = http.json(path + "?asOf=" + iso(t3.plusSeconds(1)), 200);
                assertThat(killing.path("data").path("state").asText()).isEqualTo("TASK_KILLING");
                assertThat(killing.path("validTo").isNull()).as("still the current version").isTrue();
                assertThat(killing.path("data")).as("the latest version is the current row")
                        .isEqualTo(http.json(path, 200).path("data"));
                answeredBy.add(staging.path("answeredBy").asText());
            }
        }
        assertThat(answeredBy).as("the tasks live on both instances, so half the reads were forwarded with asOf")
                .hasSize(2);
    }

    @Test
    void appRoutesAreReadAsOfToo() {
        String app = "/api/v1/apps/" + CLUSTER + "/asof/web";
        assertThat(firstHttp.get(app + "?asOf=" + iso(t1.minusSeconds(1))).status()).isEqualTo(404);

        JsonNode staged = secondHttp.json(app + "?asOf=" + iso(t1.plusSeconds(1)), 200).path("data");
        assertThat(staged.path("appId").asText()).isEqualTo("/asof/web");
        assertThat(staged.path("staged").asInt()).isEqualTo(TASKS / 2);
        assertThat(staged.path("running").asInt()).isZero();
        JsonNode running = firstHttp.json(app + "?asOf=" + iso(t2.plusSeconds(1)), 200).path("data");
        assertThat(running.path("running").asInt()).isEqualTo(TASKS / 2);
        assertThat(running.path("staged").asInt()).isZero();

        assertThat(firstHttp.json(app + "/endpoints?asOf=" + iso(t1.plusSeconds(1)), 200).path("data"))
                .as("nothing runs while staging").isEmpty();
        JsonNode endpoints = secondHttp.json(app + "/endpoints?asOf=" + iso(t2.plusSeconds(1)), 200).path("data");
        assertThat(endpoints).hasSize(TASKS / 2);
        endpoints.forEach(endpoint -> assertThat(endpoint.path("host").asText()).isEqualTo(HOST));
        assertThat(firstHttp.json(app + "/endpoints?asOf=" + iso(t3.plusSeconds(1)), 200).path("data"))
                .as("killing tasks are no endpoints").isEmpty();

        JsonNode health = firstHttp.json(app + "/health?asOf=" + iso(t2.plusSeconds(1)), 200);
        assertThat(health.path("data").path("appId").asText()).isEqualTo("/asof/web");
        assertThat(health.path("asOf").asText()).isEqualTo(t2.plusSeconds(1).toString());
    }

    @Test
    void agentsAreReadAsOf() {
        String agent = "/api/v1/agents/" + CLUSTER + "/" + AGENT;
        assertThat(secondHttp.get(agent + "?asOf=" + iso(t0.minusSeconds(1))).status()).isEqualTo(404);
        assertThat(firstHttp.json(agent + "?asOf=" + iso(t0), 200).path("data").path("hostname").asText()).isEqualTo(HOST);
    }

    @Test
    void anOffsetInstantIsTheSameInstant() {
        String path = "/api/v1/tasks/" + CLUSTER + "/" + taskIds.get(0) + "?asOf=";
        Instant between = t2.plus(Duration.ofMinutes(10));
        JsonNode viaOffset = firstHttp.json(path + encode(between.atOffset(ZoneOffset.ofHours(2)).toString()), 200);

        assertThat(viaOffset.path("asOf").asText()).isEqualTo(between.toString());
        assertThat(viaOffset.path("data").path("state").asText()).isEqualTo("TASK_RUNNING");
    }

    @Test
    void unreadableFutureAndForgottenInstantsAreRefused() {
        String path = "/api/v1/tasks/" + CLUSTER + "/" + taskIds.get(0) + "?asOf=";
        assertBadAsOf(path + "yesterday", "ISO-8601");
        assertBadAsOf(path + "2026-13-01T00:00:00Z", "ISO-8601");
        assertBadAsOf(path, "empty");
        assertBadAsOf(path + "2026-03-01T12:00:00+01:00", "%2B");
        assertBadAsOf(path + iso(Instant.now().plus(Duration.ofHours(1))), "future");
        assertBadAsOf(path + Instant.now().plus(Duration.ofMinutes(5)).toEpochMilli(), "future");
        assertBadAsOf(path + iso(Instant.now().minus(Duration.ofDays(8))), "older than the history retention of 7 days");
        assertBadAsOf("/api/v1/agents/" + CLUSTER + "/" + AGENT + "?asOf=0", "older than the history retention");
    }

    private static void assertBadAsOf(String path, String why) {
        HttpCalls.Answer answer = secondHttp.get(path);
        assertThat(answer.status()).as(path).isEqualTo(400);
        assertThat(answer.json().path("parameter").asText()).as(path).isEqualTo("asOf");
        assertThat(answer.json().path("error").asText()).as(path).contains(why);
    }

    private static String iso(Instant instant) {
        return instant.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
