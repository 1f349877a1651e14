package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PUT /v2/apps/{id}} scales an app as Marathon does: a planned deployment in the answer, the
 * change announced on the event bus, 404 for an unknown app, 409 for an app a deployment holds unless
 * forced, and 400 for a body it cannot take.
 */
class AppScaleApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** Has made all its events and stands still: whatever a request changes is planned, never applied, so answers can be compared. */
    private static MarathonSimulator still;
    private static MarathonClient stillClient;

    @BeforeAll
    static void start() throws InterruptedException {
        still = MarathonSimulator.start(MarathonSimulatorConfig.defaults().withPort(0).withRate(20_000).withMaxEvents(2_500));
        assertThat(still.awaitEventsEmitted(2_500, WAIT)).isTrue();
        stillClient = new MarathonClient(still.url());
    }

    @AfterAll
    static void stop() {
        still.close();
    }

    @Test
    void aScaleIsPlannedAsADeploymentAndAnnouncedOnTheEventBus() throws Exception {
        try (MarathonSimulator running = MarathonSimulator.start(MarathonSimulatorConfig.defaults().withPort(0).withRate(200));
             SseStream stream = SseStream.open(running.url(), "/v2/events?event_type=api_post_event&event_type=deployment_info")) {
            MarathonClient client = new MarathonClient(running.url());
            JsonNode app = client.json("/v2/apps").get("apps").get(0);
            String id = app.get("id").asText();
            int target = app.get("instances").asInt() + 2;

            HttpResponse<String> answer = client.send("PUT", "/v2/apps" + id + "?force=true", "{\"instances\": " + target + "}");

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode body = MarathonClient.MAPPER.readTree(answer.body());
            assertThat(body.get("deploymentId").asText()).matches(UUID);
            assertThat(body.get("version").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            boolean announced = false;
            boolean deployed = false;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!(announced && deployed) && System.nanoTime() < deadline) {
                SseStream.Frame frame = stream.nextFrame(WAIT);
                JsonNode event = frame.json();
                if ("api_post_event".equals(frame.event()) && event.get("uri").asText().equals("/v2/apps" + id)
                        && event.path("appDefinition").path("instances").asInt() == target
                        && event.path("appDefinition").path("version").asText().equals(body.get("version").asText())) {
                    announced = true;
                }
                if ("deployment_info".equals(frame.event()) && event.path("plan").path("id").asText().equals(body.get("deploymentId").asText())) {
                    assertThat(event.path("currentStep").path("actions").get(0).path("action").asText()).isEqualTo("ScaleApplication");
                    deployed = true;
                }
            }
            assertThat(announced).as("api_post_event of the scale").isTrue();
            assertThat(deployed).as("deployment_info of the scale's deployment").isTrue();
        }
    }

    @Test
    void anUnknownAppIs404() throws Exception {
        HttpResponse<String> answer = stillClient.send("PUT", "/v2/apps/no/such-app", "{\"instances\": 2}");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(message(answer)).isEqualTo("App '/no/such-app' does not exist");
    }

    @Test
    void aBodyItCannotTakeIs400() throws Exception {
        String id = stillClient.json("/v2/apps").get("apps").get(0).get("id").asText();
        for (String body : List.of("not json", "[3]", "{}", "{\"instances\": -1}", "{\"instances\": 1.5}",
                "{\"instances\": \"3\"}", "{\"instances\": 2, \"cmd\": \"sleep 1\"}", "{\"id\": \"/other\", \"instances\": 2}",
                "{\"instances\": 1000000}")) {
            HttpResponse<String> answer = stillClient.send("PUT", "/v2/apps" + id, body);

            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(message(answer)).as(body).isNotBlank();
        }
        assertThat(message(stillClient.send("PUT", "/v2/apps" + id, "{\"instances\": -1}")))
                .isEqualTo("Object is not valid: /instances got -1, expected 0 or more");
    }

    @Test
    void anAppADeploymentHoldsIsLockedUnlessForced() throws Exception {
        JsonNode deployment = stillClient.json("/v2/deployments").get(0);
        assertThat(deployment).as("a deployment in progress when the model stopped").isNotNull();
        String deploymentId = deployment.get("id").asText();
        String app = deployment.get("affectedApps").get(0).asText();

        HttpResponse<String> locked = stillClient.send("PUT", "/v2/apps" + app, "{\"instances\": 1}");

        assertThat(locked.statusCode()).isEqualTo(409);
        assertThat(message(locked)).isEqualTo("App is locked by one or more deployments. Override with the option "
                + "'?force=true'. View details at '/v2/deployments/" + deploymentId + "'.");
        assertThat(MarathonClient.MAPPER.readTree(locked.body()).get("deployments").findValuesAsText("id")).contains(deploymentId);

        HttpResponse<String> forced = stillClient.send("PUT", "/v2/apps" + app + "?force=true", "{\"instances\": 1}");

        assertThat(forced.statusCode()).as(forced.body()).isEqualTo(200);
        assertThat(MarathonClient.MAPPER.readTree(forced.body()).get("deploymentId").asText()).isNotEqualTo(deploymentId);
    }

    private static String message(HttpResponse<String> answer) throws Exception {
        return MarathonClient.MAPPER.readTree(answer.body()).path("message").asText();
    }
}
