package io.mesosevents.simulator.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mesosevents.mesos.MesosEncoding;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response.GetFrameworks.Framework;
import org.apache.mesos.v1.master.Protos.Response.GetState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The external-scheduler control endpoints over real HTTP, and what they change as the Operator API shows it. */
class SchedulerApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MesosSimulatorConfig CONFIG = MesosSimulatorConfig.defaults().withPort(0).withRate(1_000)
            .withTasks(100).withHeartbeatIntervalSeconds(1);

    private MesosMasterSimulator master;
    private MasterClient client;

    @BeforeEach
    void start() {
        master = MesosMasterSimulator.start(CONFIG);
        client = new MasterClient(master.url());
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void aTaskLaunchedOverHttpRunsAndIsKilledAsGetStateAndTheStreamShow() throws Exception {
        JsonNode takeover = post("/simulator/schedulers/marathon", "", 200);
        String frameworkId = takeover.get("frameworkId").asText();
        assertThat(frameworkId).isEqualTo(frameworkId(client.call(Call.Type.GET_STATE, MesosEncoding.PROTOBUF).getGetState()));
        assertThat(takeover.get("master").asText()).isEqualTo(URI.create(master.url()).getAuthority());

        try (EventStream stream = client.subscribe(MesosEncoding.JSON)) {
            assertThat(stream.next(WAIT).getType()).isEqualTo(Event.Type.SUBSCRIBED);
            // Tasks may fail on their way up, as any task may: launch until one runs.
            String running = null;
            for (int i = 0; running == null; i++) {
                assertThat(i).as("launches before one ran").isLessThan(8);
                String taskId = "prod_web.instance-" + i + "._app.1";
                JsonNode launched = post("/simulator/schedulers/marathon/tasks", launch(taskId), 201);
                assertThat(launched.get("taskId").asText()).isEqualTo(taskId);
                assertThat(launched.get("frameworkId").asText()).isEqualTo(frameworkId);
                assertThat(launched.get("ports")).hasSize(2);
                Event added = nextAbout(stream, taskId);
                assertThat(added.getType()).isEqualTo(Event.Type.TASK_ADDED);
                assertThat(added.getTaskAdded().getTask().getAgentId().getValue()).isEqualTo(launched.get("agentId").asText());
                if (settle(stream, taskId) == TaskState.TASK_RUNNING) {
                    running = taskId;
                }
            }
            String runningTask = running;
            // GET_STATE knows it ran: as its latest state (which, as on a real master, may be ahead of
            // the last status) or, if it has moved on since, in the status of every state it went through.
            assertThat(task(runningTask)).hasValueSatisfying(task -> assertThat(task.getState() == TaskState.TASK_RUNNING
                    || task.getStatusesList().stream().anyMatch(status -> status.getState() == TaskState.TASK_RUNNING))
                    .as("GET_STATE shows %s ran: %s", runningTask, task).isTrue());

            HttpResponse<byte[]> kill = client.send("POST", "/simulator/schedulers/marathon/tasks/" + runningTask + "/kill",
                    null, null, null);
            if (kill.statusCode() == 202) {
                // TASK_RUNNING or TASK_UNREACHABLE when its agent has just left: killed once it is back.
                String state = MAPPER.readTree(kill.body()).get("state").asText();
                assertThat(state).isIn("TASK_KILLING", "TASK_RUNNING", "TASK_UNREACHABLE");
                if (state.equals("TASK_KILLING")) {
                    // Its agent may have left and come back since it ran; the kill is what ends it.
                    List<TaskState> states = statesUntilEnded(stream, runningTask);
                    assertThat(states.subList(states.size() - 2, states.size())).containsExactly(TaskState.TASK_KILLING,
                            TaskState.TASK_KILLED);
                    assertThat(task(runningTask)).hasValueSatisfying(task ->
                            assertThat(task.getState()).isEqualTo(TaskState.TASK_KILLED));
                }
            } else {
                // It ended between running and the kill: a kill of a task that has ended is refused.
                assertThat(kill.statusCode()).isEqualTo(404);
            }
        }
    }

    @Test
    void takingOverKillsTheModelsMarathonTasksAndStopsNewOnes() throws Exception {
        try (EventStream stream = client.subscribe(MesosEncoding.PROTOBUF)) {
            GetState before = stream.next(WAIT).getSubscribed().getGetState();
            String frameworkId = frameworkId(before);
            ClusterView view = ClusterView.of(before);
            assertThat(liveTasksOf(view, frameworkId)).isNotEmpty();

            assertThat(post("/simulator/schedulers/marathon", "", 200).get("frameworkId").asText()).isEqualTo(frameworkId);

            // Were the model still launching for Marathon, about 60% of the live tasks would stay its.
            int killed = 0;
            for (int i = 0; i < 5_000 && !liveTasksOf(view, frameworkId).isEmpty(); i++) {
                Event event = stream.nextNonHeartbeat(WAIT);
                view.apply(event);
                if (event.getType() == Event.Type.TASK_UPDATED && event.getTaskUpdated().getState() == TaskState.TASK_KILLED
                        && event.getTaskUpdated().getFrameworkId().getValue().equals(frameworkId)) {
                    killed++;
                }
            }
            assertThat(liveTasksOf(view, frameworkId)).as("Marathon's live tasks").isEmpty();
            assertThat(killed).isPositive();
        }
    }

    /** Tasks of the framework that have not ended and whose agent is not away. */
    private static List<String> liveTasksOf(ClusterView view, String frameworkId) {
        return view.tasks.entrySet().stream().filter(entry -> entry.getValue().frameworkId().equals(frameworkId))
                .filter(entry -> !TaskLifecycle.isTerminal(TaskState.valueOf(entry.getValue().state()))
                        && !entry.getValue().state().equals("TASK_UNREACHABLE"))
                .map(java.util.Map.Entry::getKey).toList();
    }

    @Test
    void everyMasterOfAClusterTakesTheCallsAndNamesTheElectedOne() throws Exception {
        try (SimulatedMesosCluster cluster = MesosMasterSimulator.startCluster(CONFIG, 2)) {
            MasterClient standby = new MasterClient(cluster.master(1).url());
            HttpResponse<byte[]> takeover = standby.send("POST", "/simulator/schedulers/marathon", new byte[0], null, null);
            assertThat(takeover.statusCode()).isEqualTo(200);
            assertThat(MAPPER.readTree(takeover.body()).get("master").asText())
                    .isEqualTo(URI.create(cluster.master(0).url()).getAuthority());

            LaunchedTask launched = cluster.launchTask("marathon", new LaunchRequest("a.instance-1._app.1", "/a", "v1", 1, 32, 1,
                    false));
            assertThat(cluster.truth().getGetTasks().getTasksList()).anySatisfy(task ->
                    assertThat(task.getTaskId().getValue()).isEqualTo(launched.taskId()));
        }
    }

    @Test
    void badCallsAreRefusedWithAJsonError() throws Exception {
        assertRefused(post("/simulator/schedulers/spark", "", 404), "UNKNOWN_FRAMEWORK", "spark");
        assertRefused(post("/simulator/schedulers/marathon/tasks", launch("t1"), 409), "NOT_TAKEN_OVER", "marathon");
        assertRefused(post("/simulator/schedulers/marathon/tasks/t1/kill", "", 409), "NOT_TAKEN_OVER", "marathon");

        post("/simulator/schedulers/marathon", "", 200);
        assertRefused(post("/simulator/schedulers/spark/tasks", launch("t1"), 404), "UNKNOWN_FRAMEWORK", "spark");
        assertRefused(post("/simulator/schedulers/marathon/tasks", "not json", 400), "INVALID", "launch request");
        assertRefused(post("/simulator/schedulers/marathon/tasks", "null", 400), "INVALID", "JSON object");
        assertRefused(post("/simulator/schedulers/marathon/tasks", launch("t1").replace("}", ", \"colour\": \"red\"}"), 400),
                "INVALID", "colour");
        assertRefused(post("/simulator/schedulers/marathon/tasks", launch("t1").replace("\"cpus\": 0.5", "\"cpus\": 0"), 400),
                "INVALID", "cpus must be positive");
        assertRefused(post("/simulator/schedulers/marathon/tasks", launch("t/1"), 400), "INVALID", "taskId");
        assertRefused(post("/simulator/schedulers/marathon/tasks", launch("t1").replace("\"portCount\": 2", "\"portCount\": 5000"),
                409), "NO_RESOURCES", "5000 free ports");

        post("/simulator/schedulers/marathon/tasks", launch("t1"), 201);
        assertRefused(post("/simulator/schedulers/marathon/tasks", launch("t1"), 409), "DUPLICATE_TASK", "t1");
        assertRefused(post("/simulator/schedulers/marathon/tasks/nobody/kill", "", 404), "UNKNOWN_TASK", "nobody");
        String modelTask = master.truth().getGetTasks().getTasksList().get(0).getTaskId().getValue();
        assertRefused(post("/simulator/schedulers/marathon/tasks/" + modelTask + "/kill", "", 404), "UNKNOWN_TASK", modelTask);
    }

    @Test
    void theControlClientTurnsAnswersIntoRecordsAndRefusalsIntoExceptionsOfTheirReason() throws Exception {
        // A model that makes no events of its own: a task stays as the scheduler's calls leave it.
        master.close();
        master = MesosMasterSimulator.start(CONFIG.withMaxEvents(0));
        SchedulerControlClient control = new SchedulerControlClient(URI.create(master.url()));

        assertThatThrownBy(() -> control.takeOver("spark")).isInstanceOfSatisfying(SchedulerCallRefused.class,
                refused -> assertThat(refused.reason()).isEqualTo(SchedulerCallRefused.Reason.UNKNOWN_FRAMEWORK));
        SchedulerTakeover takeover = control.takeOver("marathon");
        LaunchedTask launched = control.launch("marathon", new LaunchRequest("t1", "/a/b", "v1", 0.5, 64, 1, true));
        assertThatThrownBy(() -> control.launch("marathon", new LaunchRequest("t1", "/a/b", "v1", 0.5, 64, 1, true)))
                .isInstanceOfSatisfying(SchedulerCallRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(SchedulerCallRefused.Reason.DUPLICATE_TASK));
        KillOutcome kill = control.kill("marathon", "t1");

        assertThat(takeover.master()).isEqualTo(URI.create(master.url()).getAuthority());
        assertThat(launched.frameworkId()).isEqualTo(takeover.frameworkId());
        assertThat(launched.ports()).hasSize(1);
        assertThat(kill).isEqualTo(new KillOutcome("t1", "TASK_KILLING"));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> new SchedulerControlClient(URI.create("http://127.0.0.1:" + closedPort)).takeOver("marathon"))
                .isInstanceOf(IOException.class);
    }

    private static void assertRefused(JsonNode body, String reason, String mentioned) {
        assertThat(body.get("reason").asText()).isEqualTo(reason);
        assertThat(body.get("error").asText()).contains(mentioned);
    }

    private JsonNode post(String path, String body, int expectedStatus) throws Exception {
        HttpResponse<byte[]> response = client.send("POST", path, body.getBytes(StandardCharsets.UTF_8), "application/json", null);
        assertThat(response.statusCode()).as("POST %s %s", path, body).isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        return MAPPER.readTree(response.body());
    }

    private static String launch(String taskId) {
        return "{\"taskId\": \"" + taskId + "\", \"appId\": \"/prod/web\", \"appVersion\": \"2025-01-01T00:00:00Z\", "
                + "\"cpus\": 0.5, \"mem\": 128, \"portCount\": 2, \"healthChecked\": true}";
    }

    private static String frameworkId(GetState state) {
        return state.getGetFrameworks().getFrameworksList().stream()
                .filter(framework -> framework.getFrameworkInfo().getName().equals("marathon"))
                .findFirst().orElseThrow().getFrameworkInfo().getId().getValue();
    }

    /** The task as {@code GET_STATE} answers it over HTTP. */
    private Optional<Task> task(String taskId) throws Exception {
        GetState state = client.call(Call.Type.GET_STATE, MesosEncoding.PROTOBUF).getGetState();
        return Stream.of(state.getGetTasks().getTasksList(), state.getGetTasks().getUnreachableTasksList(),
                        state.getGetTasks().getCompletedTasksList()).flatMap(List::stream)
                .filter(task -> task.getTaskId().getValue().equals(taskId)).findFirst();
    }

    /** The next event about the task: its {@code TASK_ADDED} or a {@code TASK_UPDATED}. */
    private static Event nextAbout(EventStream stream, String taskId) throws InterruptedException {
        while (true) {
            Event event = stream.nextNonHeartbeat(WAIT);
            if (event.getType() == Event.Type.TASK_ADDED && event.getTaskAdded().getTask().getTaskId().getValue().equals(taskId)
                    || event.getType() == Event.Type.TASK_UPDATED
                    && event.getTaskUpdated().getStatus().getTaskId().getValue().equals(taskId)) {
                return event;
            }
        }
    }

    /** Reads the task's updates until it runs or is no longer on its way up; answers that state. */
    private static TaskState settle(EventStream stream, String taskId) throws InterruptedException {
        TaskState state;
        do {
            state = nextAbout(stream, taskId).getTaskUpdated().getState();
        } while (state == TaskState.TASK_STAGING || state == TaskState.TASK_STARTING);
        return state;
    }

    /** The task's updated states from now until it ends. */
    private static List<TaskState> statesUntilEnded(EventStream stream, String taskId) throws InterruptedException {
        List<TaskState> states = new ArrayList<>();
        while (states.isEmpty() || !TaskLifecycle.isTerminal(states.get(states.size() - 1))) {
            Event event = nextAbout(stream, taskId);
            if (event.getType() == Event.Type.TASK_UPDATED) {
                states.add(event.getTaskUpdated().getState());
            }
        }
        return states;
    }
}
