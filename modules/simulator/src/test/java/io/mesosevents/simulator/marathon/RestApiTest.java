package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST reads answer in Marathon's shapes, with embeds only when Marathon embeds them. */
class RestApiTest {

    private static final int EVENTS = 2_500;
    private static final String TASK_ID = "[a-z0-9_-]+\\.instance-[0-9a-f-]{36}\\._app\\.1";
    private static final String INSTANCE_ID = "[a-z0-9_-]+\\.marathon-[0-9a-f-]{36}";

    private static MarathonSimulator simulator;
    private static MarathonClient client;

    /** A model that has made all its events and stands still, so that the truth can be read twice alike. */
    @BeforeAll
    static void start() throws InterruptedException {
        simulator = MarathonSimulator.start(MarathonSimulatorConfig.defaults().withPort(0).withRate(20_000)
                .withMaxEvents(EVENTS));
        assertThat(simulator.awaitEventsEmitted(EVENTS, Duration.ofSeconds(30))).isTrue();
        client = new MarathonClient(simulator.url());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void appsAlwaysCarryCountsAndDeploymentsAndTheRestOnlyWhenEmbedded() throws Exception {
        JsonNode plain = client.json("/v2/apps");
        assertThat(plain.get("apps")).isNotEmpty();
        for (JsonNode app : plain.get("apps")) {
            assertThat(app.get("id").asText()).matches("(/[a-z0-9-]+)+");
            assertThat(app.has("cmd") && app.has("cpus") && app.has("mem") && app.has("disk") && app.has("instances")).isTrue();
            assertThat(app.get("versionInfo").has("lastScalingAt")).isTrue();
            assertThat(app.get("versionInfo").has("lastConfigChangeAt")).isTrue();
            assertThat(app.get("upgradeStrategy").has("minimumHealthCapacity")).isTrue();
            assertThat(app.get("upgradeStrategy").has("maximumOverCapacity")).isTrue();
            assertThat(app.get("portDefinitions")).isNotEmpty();
            assertThat(app.has("backoffSeconds") && app.has("backoffFactor") && app.has("maxLaunchDelaySeconds")).isTrue();
            assertThat(app.has("labels") && app.has("healthChecks")).isTrue();
            assertThat(app.has("tasksStaged") && app.has("tasksRunning") && app.has("tasksHealthy")
                    && app.has("tasksUnhealthy")).isTrue();
            assertThat(app.get("deployments").isArray()).isTrue();
            assertThat(app.has("tasks") || app.has("readinessCheckResults") || app.has("lastTaskFailure")).isFalse();
        }

        JsonNode embedded = client.json("/v2/apps?embed=apps.tasks&embed=apps.readiness&embed=apps.lastTaskFailure");
        List<JsonNode> failures = new ArrayList<>();
        for (JsonNode app : embedded.get("apps")) {
            assertThat(app.get("readinessCheckResults").isArray()).isTrue();
            int running = 0;
            for (JsonNode task : app.get("tasks")) {
                assertTask(app, task);
                running += task.get("state").asText().equals("TASK_RUNNING") ? 1 : 0;
            }
            assertThat(app.get("tasksRunning").asInt()).isEqualTo(running);
            if (app.has("lastTaskFailure")) {
                failures.add(app.get("lastTaskFailure"));
            }
        }
        assertThat(failures).as("apps with a last task failure").isNotEmpty();
        for (JsonNode failure : failures) {
            assertThat(failure.get("taskId").asText()).matches(TASK_ID);
            assertThat(failure.get("state").asText()).startsWith("TASK_");
            assertThat(failure.has("appId") && failure.has("host") && failure.has("message") && failure.has("timestamp")
                    && failure.has("version") && failure.has("slaveId")).isTrue();
        }
        assertThat(embedded).isEqualTo(simulator.apps());
    }

    @Test
    void anAppIsFoundByItsIdWithSlashesWithItsTasksAndMissingOnesAre404() throws Exception {
        JsonNode listed = simulator.apps().get("apps").get(0);
        String id = listed.get("id").asText();
        assertThat(id.chars().filter(c -> c == '/').count()).isGreaterThanOrEqualTo(2);

        JsonNode app = client.json("/v2/apps" + id).get("app");
        assertThat(app.get("id").asText()).isEqualTo(id);
        assertThat(app.get("tasks")).isEqualTo(listed.get("tasks"));
        assertThat(app.get("deployments")).isEqualTo(listed.get("deployments"));
        assertThat(app.has("tasksRunning")).isTrue();
        assertThat(app.has("readinessCheckResults")).isFalse();
        assertThat(client.json("/v2/apps" + id + "/?embed=app.readiness").get("app").has("readinessCheckResults")).isTrue();

        HttpResponse<String> missing = client.get("/v2/apps/nowhere/nothing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(MarathonClient.MAPPER.readTree(missing.body()).get("message").asText())
                .isEqualTo("App '/nowhere/nothing' does not exist");
    }

    @Test
    void deploymentsListTheirStepsAndWhereTheyAre() throws Exception {
        JsonNode deployments = client.json("/v2/deployments");
        assertThat(deployments).isEqualTo(simulator.deployments());
        assertThat(deployments).as("deployments running after %s events", EVENTS).isNotEmpty();
        for (JsonNode deployment : deployments) {
            assertThat(deployment.get("id").asText()).matches("[0-9a-f-]{36}");
            assertThat(deployment.has("version")).isTrue();
            assertThat(deployment.get("affectedApps").isArray() && deployment.get("affectedPods").isArray()).isTrue();
            int total = deployment.get("totalSteps").asInt();
            assertThat(deployment.get("steps")).hasSize(total);
            assertThat(deployment.get("currentStep").asInt()).isBetween(1, total);
            for (JsonNode step : deployment.get("steps")) {
                for (JsonNode action : step.get("actions")) {
                    assertThat(action.get("action").asText()).matches("(Start|Scale|Restart|Stop)(Application|Pod)");
                    assertThat(action.has("app") || action.has("pod")).isTrue();
                }
            }
            JsonNode current = deployment.get("steps").get(deployment.get("currentStep").asInt() - 1).get("actions");
            assertThat(deployment.get("currentActions")).hasSameSizeAs(current);
            for (int i = 0; i < current.size(); i++) {
                JsonNode action = deployment.get("currentActions").get(i);
                assertThat(action.get("action")).isEqualTo(current.get(i).get("action"));
                assertThat(action.get("readinessCheckResults").isArray()).isTrue();
            }
        }
        JsonNode apps = simulator.apps();
        for (JsonNode deployment : deployments) {
            for (JsonNode affected : deployment.get("affectedApps")) {
                for (JsonNode app : apps.get("apps")) {
                    if (app.get("id").equals(affected)) {
                        assertThat(app.get("deployments").findValuesAsText("id")).contains(deployment.get("id").asText());
                    }
                }
            }
        }
    }

    @Test
    void podsLeaderInfoQueueAndSubscriptionsAnswerAsMarathon() throws Exception {
        JsonNode pods = client.json("/v2/pods");
        assertThat(pods).isNotEmpty().isEqualTo(simulator.pods());
        for (JsonNode pod : pods) {
            assertThat(pod.get("id").asText()).startsWith("/");
            assertThat(pod.get("containers")).isNotEmpty();
            assertThat(pod.get("scaling").get("instances").asInt()).isPositive();
        }

        String self = simulator.url().substring("http://".length());
        assertThat(client.json("/v2/leader").get("leader").asText()).isEqualTo(self);

        JsonNode info = client.json("/v2/info");
        assertThat(info.get("name").asText()).isEqualTo("marathon");
        assertThat(info.get("version").asText()).isEqualTo(MarathonSimulatorConfig.DEFAULT_MARATHON_VERSION);
        assertThat(info.get("elected").asBoolean()).isTrue();
        assertThat(info.get("leader").asText()).isEqualTo(self);
        assertThat(info.get("frameworkId").asText()).isEqualTo(simulator.status().frameworkId()).endsWith("-0000");

        JsonNode queue = client.json("/v2/queue");
        assertThat(queue.get("queue").isArray()).isTrue();
        for (JsonNode entry : queue.get("queue")) {
            assertThat(entry.get("app").has("id")).isTrue();
            assertThat(entry.get("count").asInt()).isNotNegative();
            assertThat(entry.get("delay").get("overdue").isBoolean()).isTrue();
        }

        assertThat(client.json("/v2/eventSubscriptions").get("callbackUrls").isArray()).isTrue();
    }

    private static void assertTask(JsonNode app, JsonNode task) {
        assertThat(task.get("id").asText()).matches(TASK_ID);
        assertThat(task.get("appId")).isEqualTo(app.get("id"));
        assertThat(task.get("state").asText()).startsWith("TASK_");
        assertThat(task.get("host").asText()).isNotEmpty();
        assertThat(task.get("slaveId").asText()).contains("-S");
        assertThat(task.get("ports")).hasSameSizeAs(app.get("portDefinitions"));
        assertThat(task.get("stagedAt").asText()).isNotEmpty();
        assertThat(task.get("version").asText()).isNotEmpty();
        assertThat(task.get("ipAddresses").get(0).get("protocol").asText()).isEqualTo("IPv4");
        assertThat(task.get("ipAddresses").get(0).get("ipAddress").asText()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        if (task.has("healthCheckResults")) {
            JsonNode result = task.get("healthCheckResults").get(0);
            assertThat(result.get("alive").isBoolean()).isTrue();
            assertThat(result.get("consecutiveFailures").isInt()).isTrue();
            assertThat(result.get("instanceId").asText()).matches(INSTANCE_ID);
            assertThat(result.has("firstSuccess") && result.has("lastSuccess") && result.has("lastFailure")
                    && result.has("lastFailureCause")).isTrue();
        }
    }
}
