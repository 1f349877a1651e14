package io.mesosevents.streams.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.junit.DevStackExtension;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.marathon.DeploymentAction;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.state.AgentView;
import io.mesosevents.model.state.AppHealthView;
import io.mesosevents.model.state.AppOrigin;
import io.mesosevents.model.state.AppStatus;
import io.mesosevents.model.state.AppTask;
import io.mesosevents.model.state.AppTasks;
import io.mesosevents.model.state.AppView;
import io.mesosevents.model.state.DeploymentState;
import io.mesosevents.model.state.DeploymentView;
import io.mesosevents.model.state.FrameworkView;
import io.mesosevents.model.state.TaskHealth;
import io.mesosevents.model.state.TaskView;
import io.mesosevents.streams.StreamsAppConfig;
import io.mesosevents.streams.ViewStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The routes of every view, on one instance whose stores hold exact rows (see {@link FixtureTopology}). */
@ExtendWith(DevStackExtension.class)
class ViewRoutesTest {

    private static final String PREFIX = "view-routes.";
    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
    private static final String FRAMEWORK = "fw-0001";
    private static final String DEPLOYMENT = "6f3c1a2b-1111-2222-3333-444455556666";

    @TempDir
    static Path stateDir;

    private static ViewsServer server;
    private static HttpCalls http;

    @BeforeAll
    static void start(DevStack stack) throws Exception {
        AvroClassTrust.install();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            List<NewTopic> topics = new ArrayList<>();
            for (ViewStores store : ViewStores.values()) {
                topics.add(new NewTopic(FixtureTopology.topic(PREFIX, store), Optional.of(3), Optional.empty()));
            }
            admin.createTopics(topics).all().get();
        }
        produce(stack, ViewStores.APPS, AppView.class, apps());
        produce(stack, ViewStores.TASKS, TaskView.class, tasks());
        produce(stack, ViewStores.APP_TASKS, AppTasks.class, Map.of("eu1//prod/web", appTasks()));
        produce(stack, ViewStores.APP_HEALTH, AppHealthView.class, health());
        produce(stack, ViewStores.AGENTS, AgentView.class, Map.of("eu1/agent-S1", agent()));
        produce(stack, ViewStores.FRAMEWORKS, FrameworkView.class, Map.of("eu1/" + FRAMEWORK, framework()));
        produce(stack, ViewStores.DEPLOYMENTS, DeploymentView.class, deployments());

        int port = TestCluster.freePort();
        StreamsAppConfig config = TestCluster.instance(stack, "view-routes-" + UUID.randomUUID(), PREFIX, stateDir, port);
        server = ViewsServer.start(config, FixtureTopology.build(PREFIX, config.serdeConfig()), TestCluster.rest(port));
        http = new HttpCalls(port);
        Eventually.holds(Duration.ofSeconds(45), "every fixture row in the stores",
                () -> http.get("/ready").status() == 200 && http.get("/api/v1/deployments").status() == 200
                        && http.json("/api/v1/apps", 200).path("data").size() == apps().size()
                        && http.json("/api/v1/tasks", 200).path("data").size() == tasks().size()
                        && http.json("/api/v1/deployments", 200).path("data").size() == 2
                        && http.json("/api/v1/health", 200).path("data").size() == 3
                        && http.json("/api/v1/agents", 200).path("data").size() == 1
                        && http.json("/api/v1/frameworks", 200).path("data").size() == 1
                        && http.get("/api/v1/apps/eu1/prod/web/endpoints").status() == 200);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void appsAreFoundWithOrWithoutTheLeadingSlash() {
        JsonNode withoutSlash = http.json("/api/v1/apps/eu1/prod/web", 200);
        JsonNode withSlash = http.json("/api/v1/apps/eu1//prod/web", 200);

        assertThat(withoutSlash).isEqualTo(withSlash);
        assertThat(withoutSlash.path("data").path("appId").asText()).isEqualTo("/prod/web");
        assertThat(withoutSlash.path("data").path("status").asText()).isEqualTo("RUNNING");
        assertThat(http.json("/api/v1/apps/eu1/" + FRAMEWORK + "/worker", 200).path("data").path("origin").asText())
                .as("a non-Marathon app, whose id has no leading slash").isEqualTo("MESOS");
        assertThat(http.get("/api/v1/apps/eu1/prod/nothing").json().path("id").asText()).isEqualTo("eu1/prod/nothing");
        assertThat(http.get("/api/v1/apps/eu1/prod/nothing").status()).isEqualTo(404);
    }

    @Test
    void appsAreFilteredByPrefixStatusAndCluster() {
        assertThat(appIdsOf("/api/v1/apps?prefix=/prod/")).containsExactly("eu1//prod/api", "eu1//prod/web", "eu1//prod/web/canary",
                "us1//prod/web");
        assertThat(appIdsOf("/api/v1/apps?prefix=prod/web")).containsExactly("eu1//prod/web", "eu1//prod/web/canary", "us1//prod/web");
        assertThat(appIdsOf("/api/v1/apps?status=deploying")).containsExactly("eu1//prod/web/canary");
        assertThat(appIdsOf("/api/v1/apps?cluster=us1")).containsExactly("us1//prod/web");
        assertThat(http.get("/api/v1/apps?status=BROKEN").json().path("parameter").asText()).isEqualTo("status");
    }

    @Test
    void anAppsTasksAreThoseOfItsClusterAndId() {
        JsonNode tasks = http.json("/api/v1/apps/eu1/prod/web/tasks", 200);

        List<String> ids = new ArrayList<>();
        tasks.path("data").forEach(task -> ids.add(task.path("taskId").asText()));
        assertThat(ids).containsExactly("prod_web.instance-1._app.1", "prod_web.instance-2._app.1", "prod_web.instance-3._app.1");
        assertThat(http.taskKeysOfEveryPage("/api/v1/apps/eu1/prod/web/tasks?limit=1")).hasSize(3);
        assertThat(http.get("/api/v1/apps/eu1/prod/nothing/tasks").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/apps/eu1/prod/web/tasks?state=TASK_RUNNING").json().path("parameter").asText())
                .isEqualTo("state");
    }

    @Test
    void anAppsHealthAndEndpoints() {
        JsonNode health = http.json("/api/v1/apps/eu1/prod/web/health", 200).path("data");
        assertThat(health.path("unhealthyTasks").asInt()).isEqualTo(1);
        assertThat(health.path("tasks").path("prod_web.instance-2._app.1").path("healthy").asBoolean()).isFalse();

        JsonNode endpoints = http.json("/api/v1/apps/eu1/prod/web/endpoints", 200).path("data");
        List<String> addresses = new ArrayList<>();
        endpoints.forEach(endpoint -> addresses.add(endpoint.path("taskId").asText() + "@" + endpoint.path("host").asText()
                + ":" + endpoint.path("port").asInt()));
        assertThat(addresses).containsExactly("prod_web.instance-1._app.1@host-1:31000", "prod_web.instance-1._app.1@host-1:31001",
                "prod_web.instance-3._app.1@host-3:31003");
    }

    @Test
    void theHealthCollectionIsFilteredByStatus() {
        assertThat(appIdsOf("/api/v1/health?status=unhealthy")).containsExactly("eu1//prod/web");
        assertThat(appIdsOf("/api/v1/health?status=HEALTHY")).containsExactly("eu1//prod/api");
        assertThat(appIdsOf("/api/v1/health?status=unknown")).containsExactly("us1//prod/web");
    }

    @Test
    void deploymentsAgentsAndFrameworks() {
        assertThat(http.json("/api/v1/deployments?state=IN_PROGRESS", 200).path("data")).extracting(d -> d.path("deploymentId").asText())
                .containsExactly(DEPLOYMENT);
        assertThat(http.json("/api/v1/deployments/eu1/" + DEPLOYMENT, 200).path("data").path("currentActions").get(0)
                .path("action").asText()).isEqualTo("ScaleApplication");
        assertThat(http.json("/api/v1/deployments?state=SUCCEEDED&cluster=eu1", 200).path("data")).hasSize(1);
        assertThat(http.json("/api/v1/agents/eu1/agent-S1", 200).path("data").path("hostname").asText()).isEqualTo("host-1");
        assertThat(http.json("/api/v1/frameworks/eu1/" + FRAMEWORK, 200).path("data").path("name").asText()).isEqualTo("marathon");
        assertThat(http.json("/api/v1/frameworks?cluster=us1", 200).path("data")).isEmpty();
        assertThat(http.get("/api/v1/agents/eu1/agent-S9").status()).isEqualTo(404);
    }

    private static List<String> appIdsOf(String path) {
        List<String> keys = new ArrayList<>();
        http.json(path, 200).path("data").forEach(row -> keys.add(row.path("cluster").asText() + "/" + row.path("appId").asText()));
        return keys;
    }

    private static <V extends SpecificRecord> void produce(DevStack stack, ViewStores store, Class<V> type, Map<String, V> rows)
            throws Exception {
        TestCluster.produce(stack, FixtureTopology.topic(PREFIX, store), type, rows);
    }

    private static Map<String, AppView> apps() {
        Map<String, AppView> apps = new LinkedHashMap<>();
        apps.put("eu1//prod/web", app("eu1", "/prod/web", AppOrigin.MARATHON, AppStatus.RUNNING));
        apps.put("eu1//prod/web/canary", app("eu1", "/prod/web/canary", AppOrigin.MARATHON, AppStatus.DEPLOYING));
        apps.put("eu1//prod/api", app("eu1", "/prod/api", AppOrigin.MARATHON, AppStatus.RUNNING));
        apps.put("us1//prod/web", app("us1", "/prod/web", AppOrigin.MARATHON, AppStatus.RUNNING));
        apps.put("eu1/" + FRAMEWORK + "/worker", app("eu1", FRAMEWORK + "/worker", AppOrigin.MESOS, AppStatus.RUNNING));
        return apps;
    }

    private static AppView app(String cluster, String appId, AppOrigin origin, AppStatus status) {
        return AppView.newBuilder().setCluster(cluster).setAppId(appId).setOrigin(origin).setStatus(status).setRunning(3)
                .setUpdatedAt(NOW).build();
    }

    private static Map<String, TaskView> tasks() {
        Map<String, TaskView> tasks = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            tasks.put("eu1/prod_web.instance-" + i + "._app.1", task("eu1", "prod_web.instance-" + i + "._app.1", "/prod/web"));
        }
        tasks.put("us1/prod_web.instance-9._app.1", task("us1", "prod_web.instance-9._app.1", "/prod/web"));
        tasks.put("eu1/prod_web_canary.instance-1._app.1", task("eu1", "prod_web_canary.instance-1._app.1", "/prod/web/canary"));
        return tasks;
    }

    private static TaskView task(String cluster, String taskId, String appId) {
        return TaskView.newBuilder().setCluster(cluster).setTaskId(taskId).setFrameworkId(FRAMEWORK).setAppId(appId)
                .setState(TaskState.TASK_RUNNING).setUpdatedAt(NOW).build();
    }

    private static AppTasks appTasks() {
        return AppTasks.newBuilder().setCluster("eu1").setAppId("/prod/web").setOrigin(AppOrigin.MARATHON).setTasks(Map.of(
                "prod_web.instance-1._app.1", appTask("host-1", List.of(31000L, 31001L), true),
                "prod_web.instance-2._app.1", appTask("host-2", List.of(31002L), false),
                "prod_web.instance-3._app.1", appTask("host-3", List.of(31003L), null))).build();
    }

    private static AppTask appTask(String host, List<Long> ports, Boolean healthy) {
        return AppTask.newBuilder().setState(TaskState.TASK_RUNNING).setHost(host).setPorts(ports)
                .setHealth(healthy == null ? null : TaskHealth.newBuilder().setTaskId("t").setHealthy(healthy).build()).build();
    }

    private static Map<String, AppHealthView> health() {
        Map<String, AppHealthView> health = new LinkedHashMap<>();
        health.put("eu1//prod/web", AppHealthView.newBuilder().setCluster("eu1").setAppId("/prod/web").setHealthyTasks(1)
                .setUnhealthyTasks(1).setUnknownTasks(1).setTasks(Map.of("prod_web.instance-2._app.1",
                        TaskHealth.newBuilder().setTaskId("prod_web.instance-2._app.1").setHealthy(false).build()))
                .setUpdatedAt(NOW).build());
        health.put("eu1//prod/api", AppHealthView.newBuilder().setCluster("eu1").setAppId("/prod/api").setHealthyTasks(2)
                .setUpdatedAt(NOW).build());
        health.put("us1//prod/web", AppHealthView.newBuilder().setCluster("us1").setAppId("/prod/web").setUnknownTasks(1)
                .setUpdatedAt(NOW).build());
        return health;
    }

    private static AgentView agent() {
        return AgentView.newBuilder().setCluster("eu1").setAgentId("agent-S1").setHostname("host-1").setUpdatedAt(NOW).build();
    }

    private static FrameworkView framework() {
        return FrameworkView.newBuilder().setCluster("eu1").setFrameworkId(FRAMEWORK).setName("marathon").setUpdatedAt(NOW).build();
    }

    private static Map<String, DeploymentView> deployments() {
        Map<String, DeploymentView> deployments = new LinkedHashMap<>();
        deployments.put("eu1/" + DEPLOYMENT, DeploymentView.newBuilder().setCluster("eu1").setDeploymentId(DEPLOYMENT)
                .setAffectedApps(List.of("/prod/web/canary")).setState(DeploymentState.IN_PROGRESS).setCurrentStep(1)
                .setTotalSteps(2).setCurrentActions(List.of(DeploymentAction.newBuilder()
                        .setAction("ScaleApplication").setApp("/prod/web/canary").build()))
                .setStarted(NOW).setUpdatedAt(NOW).build());
        deployments.put("eu1/old-deployment", DeploymentView.newBuilder().setCluster("eu1").setDeploymentId("old-deployment")
                .setState(DeploymentState.SUCCEEDED).setFinished(NOW).setUpdatedAt(NOW).build());
        return deployments;
    }
}
