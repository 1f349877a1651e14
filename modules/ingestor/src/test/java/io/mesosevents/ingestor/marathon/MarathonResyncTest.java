package io.mesosevents.ingestor.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mesosevents.ingestor.Send;
import io.mesosevents.ingestor.SessionStamp;
import io.mesosevents.marathon.MarathonSnapshot;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.marathon.AppSnapshot;
import io.mesosevents.model.marathon.DeploymentSnapshot;
import io.mesosevents.model.marathon.EntityGone;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.marathon.ResyncMarker;
import io.mesosevents.model.mesos.TaskState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarathonResyncTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T01:00:00Z"), ZoneOffset.UTC);
    private static final String WEB = """
            {"id":"/prod/web","instances":2,"version":"2025-01-01T00:00:01.000Z","tasksStaged":0,"tasksRunning":2,
             "tasksHealthy":1,"tasksUnhealthy":1,"deployments":[{"id":"d-1"}],
             "healthChecks":[{"protocol":"MESOS_HTTP","path":"/","portIndex":0}],
             "lastTaskFailure":{"appId":"/prod/web","host":"agent-2","message":"exit 1","state":"TASK_FAILED",
                                "taskId":"prod_web.instance-9._app.1","timestamp":"2025-01-01T00:00:30.000Z","version":"2025-01-01T00:00:01.000Z"},
             "tasks":[{"id":"prod_web.instance-1._app.1","appId":"/prod/web","host":"agent-1","ports":[31001],"slaveId":"a1",
                       "state":"TASK_RUNNING","stagedAt":"2025-01-01T00:00:02.000Z","startedAt":"2025-01-01T00:00:03.000Z",
                       "version":"2025-01-01T00:00:01.000Z","healthCheckResults":[{"alive":true}]},
                      {"id":"prod_web.instance-2._app.1","appId":"/prod/web","host":"agent-2","ports":[31002],"slaveId":"a2",
                       "state":"TASK_RUNNING","healthCheckResults":[{"alive":false}]}]}
            """;
    private static final String DEPLOYMENT = """
            {"id":"d-1","version":"2025-01-01T00:00:40.000Z","affectedApps":["/prod/web"],"affectedPods":[],
             "steps":[{"actions":[{"action":"RestartApplication","app":"/prod/web"}]}],
             "currentActions":[{"action":"RestartApplication","app":"/prod/web","readinessCheckResults":[]}],
             "currentStep":1,"totalSteps":1}
            """;

    @BeforeAll
    static void trustTheModel() {
        AvroClassTrust.install();
    }

    private final MarathonEventMapper mapper = new MarathonEventMapper("eu1");
    private final MarathonResync resync = new MarathonResync(mapper);

    @Test
    void aSnapshotIsBracketedByMarkersToEveryPartitionAndTyped() throws IOException {
        MarathonResync.Plan plan = resync.plan(snapshot(List.of(json(WEB)), List.of(json(DEPLOYMENT)), true), stamp(), new MarathonState());

        List<Send> sends = plan.sends();
        assertThat(sends).hasSize(4);
        assertThat(sends.get(0).everyPartition()).isTrue();
        assertThat(event(sends.get(0)).getMeta().getKind()).isEqualTo(EventKind.SNAPSHOT_BEGIN);
        AppSnapshot web = (AppSnapshot) event(sends.get(1)).getPayload();
        assertThat(sends.get(1).record().key()).isEqualTo("eu1//prod/web");
        assertThat(web.getInstances()).isEqualTo(2);
        assertThat(web.getTasks()).extracting(task -> task.getHealthy()).containsExactly(true, false);
        assertThat(web.getTasks().get(0).getStartedAt()).isEqualTo(Instant.parse("2025-01-01T00:00:03Z"));
        assertThat(web.getDeploymentIds()).containsExactly("d-1");
        assertThat(web.getLastTaskFailure().getState()).isEqualTo(TaskState.TASK_FAILED);
        assertThat(JSON.readTree(web.getAppJson())).isEqualTo(json(WEB));
        DeploymentSnapshot deployment = (DeploymentSnapshot) event(sends.get(2)).getPayload();
        assertThat(sends.get(2).record().key()).isEqualTo("eu1/d-1");
        assertThat(deployment.getPlan().getAffectedApps()).containsExactly("/prod/web");
        assertThat(deployment.getCurrentStep()).isEqualTo(1);
        MarathonEvent end = event(sends.get(3));
        assertThat(sends.get(3).everyPartition()).isTrue();
        assertThat(end.getMeta().getKind()).isEqualTo(EventKind.SNAPSHOT_END);
        assertThat(end.getPayload()).isEqualTo(new ResyncMarker(1, 0, 1));
        assertThat(sends).extracting(send -> event(send).getMeta().getSequence()).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void whatVanishedWhileAwayIsReportedGoneOnce() throws IOException {
        MarathonState state = new MarathonState();
        resync.plan(snapshot(List.of(json(WEB)), List.of(json(DEPLOYMENT)), true), stamp(), state);

        MarathonResync.Plan second = resync.plan(snapshot(List.of(), List.of(), true), stamp(), state);

        assertThat(second.sends()).extracting(send -> event(send).getPayload())
                .contains(new EntityGone("app", "/prod/web"), new EntityGone("deployment", "d-1"));
        assertThat(second.sends()).filteredOn(send -> event(send).getMeta().getKind() == EventKind.GONE)
                .extracting(send -> event(send).getEventType()).containsExactlyInAnyOrder("app_gone", "deployment_gone");
        assertThat(resync.plan(snapshot(List.of(), List.of(), true), stamp(), state).sends())
                .as("gone once, not again").hasSize(2);
    }

    @Test
    void aMarathonWithoutPodsNeverReportsPodsGone() throws IOException {
        MarathonState state = new MarathonState();
        resync.plan(new MarathonSnapshot(List.of(), List.of(), List.of(json("{\"id\":\"/prod/db\",\"scaling\":{\"instances\":1}}")),
                true, Instant.EPOCH, false), stamp(), state);

        MarathonResync.Plan withoutPods = resync.plan(snapshot(List.of(), List.of(), false), stamp(), state);

        assertThat(withoutPods.sends()).hasSize(2);
    }

    @Test
    void anAppWithoutIdIsRejectedAndTheRestWritten() throws IOException {
        MarathonResync.Plan plan = resync.plan(snapshot(List.of(json("{\"instances\":1}"), json(WEB)), List.of(), true), stamp(),
                new MarathonState());

        assertThat(plan.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.json()).isEqualTo("{\"instances\":1}");
            assertThat(rejected.reason()).contains("app_snapshot", "without an id");
        });
        assertThat(plan.sends()).hasSize(3);
    }

    private static MarathonSnapshot snapshot(List<JsonNode> apps, List<JsonNode> deployments, boolean pods) {
        return new MarathonSnapshot(apps, deployments, List.of(), pods, Instant.EPOCH, false);
    }

    private static SessionStamp stamp() {
        return new SessionStamp("eu1", "http://marathon:8080", "s-1", CLOCK);
    }

    private static MarathonEvent event(Send send) {
        return (MarathonEvent) send.record().value();
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
