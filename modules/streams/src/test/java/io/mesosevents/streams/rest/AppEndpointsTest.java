package io.mesosevents.streams.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.state.AppHealthView;
import io.mesosevents.model.state.AppTask;
import io.mesosevents.model.state.AppTasks;
import io.mesosevents.model.state.TaskHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AppEndpointsTest {

    @BeforeAll
    static void trustModel() {
        AvroClassTrust.install();
    }

    @Test
    void runningTasksThatAreNotUnhealthyGiveOneEndpointPerPort() {
        AppTasks app = AppTasks.newBuilder().setCluster("eu1").setAppId("/prod/web").setTasks(Map.of(
                "t2", task(TaskState.TASK_RUNNING, "host-b", List.of(31002L), null, false),
                "t1", task(TaskState.TASK_RUNNING, "host-a", List.of(31000L, 31001L), true, true),
                "t3", task(TaskState.TASK_RUNNING, "host-c", List.of(31003L), false, true),
                "t4", task(TaskState.TASK_STAGING, "host-d", List.of(31004L), null, false),
                "t5", task(TaskState.TASK_KILLED, "host-e", List.of(31005L), true, true),
                "t6", task(TaskState.TASK_RUNNING, "host-f", List.of(31006L), null, true))).build();

        List<String> endpoints = new ArrayList<>();
        for (JsonNode endpoint : AppEndpoints.of(app)) {
            endpoints.add(endpoint.path("taskId").asText() + "@" + endpoint.path("host").asText() + ":" + endpoint.path("port").asLong());
        }

        assertThat(endpoints).containsExactly("t1@host-a:31000", "t1@host-a:31001", "t2@host-b:31002", "t6@host-f:31006");
    }

    @Test
    void healthStatusIsUnhealthyFirstThenHealthyThenUnknown() {
        assertThat(HealthStatus.of(health(2, 1, 0))).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(HealthStatus.of(health(2, 0, 1))).isEqualTo(HealthStatus.HEALTHY);
        assertThat(HealthStatus.of(health(0, 0, 3))).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(HealthStatus.of(health(0, 0, 0))).isEqualTo(HealthStatus.UNKNOWN);
    }

    private static AppHealthView health(int healthy, int unhealthy, int unknown) {
        return AppHealthView.newBuilder().setCluster("eu1").setAppId("/prod/web").setHealthyTasks(healthy)
                .setUnhealthyTasks(unhealthy).setUnknownTasks(unknown).setUpdatedAt(Instant.EPOCH).build();
    }

    /** {@code verdict} null with {@code detail}: checks ran but gave no verdict yet; no detail at all: no checks. */
    private static AppTask task(TaskState state, String host, List<Long> ports, Boolean verdict, boolean detail) {
        TaskHealth health = detail || verdict != null ? TaskHealth.newBuilder().setTaskId("t").setHealthy(verdict).build() : null;
        return AppTask.newBuilder().setState(state).setHost(host).setPorts(ports).setHealth(health).build();
    }
}
