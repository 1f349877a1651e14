package io.mesosevents.streams.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.state.AppView;
import io.mesosevents.model.state.DeploymentView;
import io.mesosevents.model.state.TaskView;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which changes a watch's parameters select, rows and deletions alike. */
class WatchFilterTest {

    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

    @BeforeAll
    static void trustTheModel() {
        AvroClassTrust.install();
    }

    @Test
    void theAppFilterSelectsTheAppsRowsWithOrWithoutTheLeadingSlash() {
        for (String app : List.of("/prod/web", "prod/web")) {
            WatchFilter filter = filter(Map.of("app", app));

            assertThat(filter.types()).containsExactlyInAnyOrder(WatchType.TASK, WatchType.APP, WatchType.APP_HEALTH,
                    WatchType.DEPLOYMENT);
            assertThat(filter.matches(WatchType.TASK, "eu1/t1", task("eu1", "/prod/web"))).isTrue();
            assertThat(filter.matches(WatchType.TASK, "eu1/t2", task("eu1", "/prod/api"))).isFalse();
            assertThat(filter.matches(WatchType.APP, "eu1//prod/web", app("/prod/web"))).isTrue();
            assertThat(filter.matches(WatchType.APP, "eu1//prod/webber", app("/prod/webber"))).isFalse();
            assertThat(filter.matches(WatchType.DEPLOYMENT, "eu1/d1", deployment("/prod/api", "/prod/web"))).isTrue();
            assertThat(filter.matches(WatchType.DEPLOYMENT, "eu1/d2", deployment("/prod/api"))).isFalse();
        }
    }

    @Test
    void deletionsAreMatchedByKeyWhereTheKeyNamesTheApp() {
        WatchFilter filter = filter(Map.of("app", "prod/web"));

        assertThat(filter.matches(WatchType.APP, "eu1//prod/web", null)).isTrue();
        assertThat(filter.matches(WatchType.APP_HEALTH, "eu1//prod/web", null)).isTrue();
        assertThat(filter.matches(WatchType.APP, "eu1//prod/api", null)).isFalse();
        assertThat(filter.matches(WatchType.TASK, "eu1/prod_api.instance-1._app.1", null))
                .as("a deleted task says nothing of its app: it passes").isTrue();
        assertThat(filter.matches(WatchType.DEPLOYMENT, "eu1/d3", null)).isTrue();
    }

    @Test
    void typesAndClusterNarrowByKey() {
        WatchFilter filter = filter(Map.of("types", "task, agent", "cluster", "us1"));

        assertThat(filter.types()).isEqualTo(EnumSet.of(WatchType.TASK, WatchType.AGENT));
        assertThat(filter.admitsKey(WatchType.TASK, "us1/t1")).isTrue();
        assertThat(filter.admitsKey(WatchType.TASK, "us10/t1")).isFalse();
        assertThat(filter.admitsKey(WatchType.APP, "us1//prod/web")).isFalse();
        assertThat(filter(Map.of()).types()).isEqualTo(EnumSet.allOf(WatchType.class));
    }

    @Test
    void unknownTypesAndAppsOfAgentsAreRefused() {
        assertThatThrownBy(() -> filter(Map.of("types", "task,pods"))).hasMessageContaining("no type 'pods'");
        assertThatThrownBy(() -> filter(Map.of("types", "framework", "app", "/prod/web")))
                .isInstanceOfSatisfying(ApiError.class, error -> assertThat(error.body()).containsEntry("parameter", "app"));
        assertThatThrownBy(() -> filter(Map.of("cluster", "eu 1"))).hasMessageContaining("not a cluster name");
    }

    private static WatchFilter filter(Map<String, String> params) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        params.forEach((name, value) -> values.put(name, List.of(value)));
        return WatchFilter.of(QueryParams.of(values, WatchHandler.PARAMS));
    }

    private static TaskView task(String cluster, String appId) {
        return TaskView.newBuilder().setCluster(cluster).setTaskId("t").setFrameworkId("f").setAppId(appId).setUpdatedAt(AT)
                .build();
    }

    private static AppView app(String appId) {
        return AppView.newBuilder().setCluster("eu1").setAppId(appId).setUpdatedAt(AT).build();
    }

    private static DeploymentView deployment(String... apps) {
        return DeploymentView.newBuilder().setCluster("eu1").setDeploymentId("d").setAffectedApps(List.of(apps))
                .setUpdatedAt(AT).build();
    }
}
