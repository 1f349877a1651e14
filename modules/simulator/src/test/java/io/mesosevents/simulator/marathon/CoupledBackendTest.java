package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** With a backend that reports on its own threads, as a coupled Mesos does, Marathon runs its apps on it. */
class CoupledBackendTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A Mesos that places every task at once and runs it a few milliseconds later, healthy. */
    private static final class ThreadedBackend implements TaskBackend {

        final Map<String, TaskLaunch> running = new ConcurrentHashMap<>();
        final AtomicBoolean closed = new AtomicBoolean();
        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        private volatile TaskListener listener;

        @Override
        public void start(TaskListener taskListener) {
            listener = taskListener;
        }

        @Override
        public void launch(TaskLaunch launch) {
            executor.schedule(() -> report(launch, "TASK_STAGING"), 1, TimeUnit.MILLISECONDS);
            executor.schedule(() -> {
                running.put(launch.taskId(), launch);
                report(launch, "TASK_RUNNING");
            }, 5, TimeUnit.MILLISECONDS);
        }

        @Override
        public void kill(String taskId) {
            TaskLaunch launch = running.remove(taskId);
            if (launch != null) {
                executor.schedule(() -> report(launch, "TASK_KILLED"), 1, TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public String frameworkId() {
            return "coupled-framework-0001";
        }

        @Override
        public String master() {
            return "mesos.example:5050";
        }

        @Override
        public void close() {
            closed.set(true);
            executor.shutdownNow();
        }

        private void report(TaskLaunch launch, String state) {
            listener.onUpdate(new TaskUpdate(launch.taskId(), state, "agent-S1", "10.1.2.3", List.of(31_001),
                    launch.healthChecked() && state.equals("TASK_RUNNING") ? Optional.of(true) : Optional.empty(), "", "",
                    Instant.now()));
        }
    }

    @Test
    void theAppsRunOnTheCoupledBackendAndItsUpdatesBecomeEvents() throws Exception {
        ThreadedBackend backend = new ThreadedBackend();
        MarathonSimulatorConfig config = MarathonSimulatorConfig.defaults().withPort(0).withRate(1_000).withApps(4)
                .withInstances(2).withPods(0);
        try (MarathonSimulator simulator = MarathonSimulator.start(config, backend);
             SseStream stream = SseStream.open(simulator.url(), "/v2/events?event_type=status_update_event")) {
            SseStream.Frame update = stream.nextFrame(WAIT);
            assertThat(update.json().get("host").asText()).isEqualTo("10.1.2.3");
            assertThat(update.json().get("slaveId").asText()).isEqualTo("agent-S1");

            long deadline = System.nanoTime() + WAIT.toNanos();
            while (runningTasks(simulator) < 1) {
                assertThat(System.nanoTime()).as("tasks running in time").isLessThan(deadline);
                Thread.sleep(20);
            }
            for (JsonNode app : simulator.apps().get("apps")) {
                for (JsonNode task : app.get("tasks")) {
                    assertThat(task.get("slaveId").asText()).isEqualTo("agent-S1");
                    assertThat(task.get("ports").get(0).asInt()).isEqualTo(31_001);
                }
            }
            JsonNode info = new MarathonClient(simulator.url()).json("/v2/info");
            assertThat(info.get("frameworkId").asText()).isEqualTo("coupled-framework-0001");
            assertThat(info.get("marathon_config").get("master").asText()).isEqualTo("mesos.example:5050");
            assertThat(simulator.status().backend()).isEqualTo("ThreadedBackend");
        }
        assertThat(backend.closed).isTrue();
    }

    private static long runningTasks(MarathonSimulator simulator) {
        long running = 0;
        for (JsonNode app : simulator.apps().get("apps")) {
            for (JsonNode task : app.get("tasks")) {
                running += task.get("state").asText().equals("TASK_RUNNING") ? 1 : 0;
            }
        }
        return running;
    }
}
