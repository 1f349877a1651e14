package io.mesosevents.simulator.marathon;

import io.mesosevents.simulator.SimRandom;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasks that keep failing delay their app's launches, longer after each failure in a row; the queue
 * and the app's last failure show it. Read from the model between events, where the delay is exact.
 */
class LaunchBackoffTest {

    /** A Mesos on which every task fails as soon as it is staged (all ran fine before the simulator started). */
    private static final class FailingMesos implements SteppedBackend {

        private final Map<String, TaskLaunch> pending = new LinkedHashMap<>();
        private final Map<String, TaskLaunch> staged = new LinkedHashMap<>();
        private TaskListener listener;

        @Override
        public void start(TaskListener taskListener) {
            listener = taskListener;
        }

        @Override
        public void launch(TaskLaunch launch) {
            pending.put(launch.taskId(), launch);
        }

        @Override
        public void kill(String taskId) {
            TaskLaunch launch = pending.remove(taskId);
            launch = launch != null ? launch : staged.remove(taskId);
            if (launch != null) {
                report(launch, "TASK_KILLED", "");
            }
        }

        @Override
        public String frameworkId() {
            return "failing-0000";
        }

        @Override
        public String master() {
            return "10.0.0.1:5050";
        }

        @Override
        public void close() {
        }

        @Override
        public double weight() {
            return pending.isEmpty() && staged.isEmpty() ? 0 : 5;
        }

        @Override
        public void step() {
            if (!staged.isEmpty()) {
                TaskLaunch launch = staged.remove(staged.keySet().iterator().next());
                report(launch, "TASK_FAILED", "Command exited with status 1");
            } else {
                TaskLaunch launch = pending.remove(pending.keySet().iterator().next());
                staged.put(launch.taskId(), launch);
                report(launch, "TASK_STAGING", "");
            }
        }

        @Override
        public void settle() {
            pending.values().forEach(launch -> report(launch, "TASK_RUNNING", ""));
            staged.putAll(pending);
            pending.clear();
        }

        private void report(TaskLaunch launch, String state, String message) {
            // A clock of its own, as a coupled Mesos has: Marathon stamps what it records with its own.
            listener.onUpdate(new TaskUpdate(launch.taskId(), state, "agent-S0", "10.0.1.10", List.of(31_000),
                    Optional.empty(), message, "", Instant.EPOCH));
        }
    }

    @Test
    void eachFailureInARowDelaysTheNextLaunchLongerAndTheQueueAndTheAppShowIt() throws Exception {
        MarathonSimulatorConfig config = MarathonSimulatorConfig.defaults().withApps(1).withInstances(1).withPods(0);
        SimClock clock = new SimClock(config.epoch());
        FailingMesos mesos = new FailingMesos();
        MarathonModel model = new MarathonModel(config, new SimRandom(config.seed()), clock, mesos, mesos);
        int delays = 0;
        int repeated = 0;
        for (int i = 0; i < 5_000 && repeated < 5; i++) {
            BusEvent event = model.next();
            JsonNode json = MarathonClient.MAPPER.readTree(event.json());
            if (!event.eventType().equals("status_update_event") || !json.get("taskStatus").asText().equals("TASK_FAILED")) {
                continue;
            }
            AppEntry app = model.state().apps.get(json.get("appId").asText());
            AppDefinition definition = app.definition;
            double seconds = Math.min(definition.maxLaunchDelaySeconds(),
                    definition.backoffSeconds() * Math.pow(definition.backoffFactor(), app.failures - 1));
            assertThat(Duration.between(clock.now(), app.delayedUntil)).isEqualTo(Duration.ofMillis((long) (seconds * 1000)));
            delays++;
            repeated += app.failures >= 2 ? 1 : 0;

            JsonNode entry = null;
            for (JsonNode queued : TruthJson.queue(model).get("queue")) {
                entry = queued.get("app").get("id").asText().equals(app.id()) ? queued : entry;
            }
            assertThat(entry).as("%s in the launch queue", app.id()).isNotNull();
            assertThat(entry.get("delay").get("overdue").asBoolean()).isFalse();
            assertThat(entry.get("delay").get("timeLeftSeconds").asLong()).isEqualTo((long) Math.ceil(seconds));
            JsonNode failure = TruthJson.app(model, app.id(), Set.of()).orElseThrow().get("app").get("lastTaskFailure");
            assertThat(failure.get("taskId")).isEqualTo(json.get("taskId"));
            assertThat(failure.get("state").asText()).isEqualTo("TASK_FAILED");
            assertThat(failure.get("message").asText()).isEqualTo("Command exited with status 1");
        }
        assertThat(delays).isGreaterThan(repeated);
        assertThat(repeated).as("failures in a row").isEqualTo(5);
    }
}
