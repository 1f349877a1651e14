package io.mesosevents.streams;

import static io.mesosevents.streams.MarathonTaskEvents.apiPost;
import static io.mesosevents.streams.MarathonTaskEvents.appSnapshot;
import static io.mesosevents.streams.MarathonTaskEvents.failedCheck;
import static io.mesosevents.streams.MarathonTaskEvents.healthChanged;
import static io.mesosevents.streams.MarathonTaskEvents.terminated;
import static io.mesosevents.streams.TaskEvents.T0;
import static io.mesosevents.streams.TaskEvents.added;
import static io.mesosevents.streams.TaskEvents.gone;
import static io.mesosevents.streams.TaskEvents.updated;
import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.state.AppHealthView;
import io.mesosevents.model.state.AppOrigin;
import io.mesosevents.model.state.AppStatus;
import io.mesosevents.model.state.AppView;
import io.mesosevents.registry.server.InMemorySchemaLog;
import io.mesosevents.registry.server.SchemaRegistryServer;
import io.mesosevents.registry.server.SchemaRegistryServerConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app table and the app health view, driven through the whole views topology. */
class AppViewTopologyTest {

    private static final String APP = "/prod/web";
    private static final String KEY = "eu1/" + APP;

    private static SchemaRegistryServer registry;

    private ViewsDriver views;

    @BeforeAll
    static void startRegistry() {
        AvroClassTrust.install();
        registry = new SchemaRegistryServer(SchemaRegistryServerConfig.of(new InMemorySchemaLog())).start();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @BeforeEach
    void startDriver(@TempDir Path stateDir) {
        views = new ViewsDriver(registry.url(), stateDir);
    }

    @AfterEach
    void closeDriver() {
        views.close();
    }

    private static String task(int n) {
        return "prod_web.instance-" + n + "._app.1";
    }

    /** A task of the app: added at {@code second}, then in {@code state} one second later. */
    private void task(int n, TaskState state, int second) {
        views.pipe(added("eu1", task(n), second));
        if (state != TaskState.TASK_STAGING) {
            views.pipe(updated("eu1", task(n), state, second + 1));
        }
    }

    @Test
    void anAppWithAllItsInstancesRunningIsRunning() {
        views.pipe(APP, apiPost("eu1", APP, 2, 0));
        task(1, TaskState.TASK_RUNNING, 1);
        task(2, TaskState.TASK_RUNNING, 3);

        AppView app = views.app(KEY);
        assertThat(app.getStatus()).isEqualTo(AppStatus.RUNNING);
        assertThat(app.getOrigin()).isEqualTo(AppOrigin.MARATHON);
        assertThat(app.getDesiredInstances()).isEqualTo(2);
        assertThat(app.getVersion()).isEqualTo(MarathonTaskEvents.VERSION);
        assertThat(app.getRunning()).isEqualTo(2);
        assertThat(app.getHealthy()).isEqualTo(2);
        assertThat(app.getFrameworkId()).isEqualTo(TaskEvents.FRAMEWORK_ID);
        assertThat(views.apps.readKeyValuesToMap().get(KEY).getRunning()).isEqualTo(2);
    }

    @Test
    void missingInstancesWithoutADeploymentAreWaiting() {
        views.pipe(APP, apiPost("eu1", APP, 3, 0));
        task(1, TaskState.TASK_RUNNING, 1);
        task(2, TaskState.TASK_STAGING, 3);

        AppView app = views.app(KEY);
        assertThat(app.getStatus()).isEqualTo(AppStatus.WAITING);
        assertThat(app.getStaged()).isEqualTo(1);
        assertThat(app.getRunning()).isEqualTo(1);
    }

    @Test
    void zeroInstancesIsSuspended() {
        views.pipe(APP, apiPost("eu1", APP, 0, 0));

        assertThat(views.app(KEY).getStatus()).isEqualTo(AppStatus.SUSPENDED);
    }

    @Test
    void aDeploymentInProgressIsDeployingUntilItSucceeds() {
        views.pipe(APP, apiPost("eu1", APP, 1, 0));
        task(1, TaskState.TASK_RUNNING, 1);
        String deployment = DeploymentEvents.key("eu1", DeploymentEvents.PLAN_ID).substring("eu1/".length());
        views.pipe(deployment, DeploymentEvents.info("eu1", DeploymentEvents.PLAN, 1, 10, 10));

        assertThat(views.app(KEY).getStatus()).isEqualTo(AppStatus.DEPLOYING);
        assertThat(views.app(KEY).getDeployments()).containsExactly(DeploymentEvents.PLAN_ID);
        // The plan also scales /prod/api, which has no definition yet: it gets a row of its own.
        assertThat(views.app("eu1//prod/api").getDeployments()).containsExactly(DeploymentEvents.PLAN_ID);

        views.pipe(deployment, DeploymentEvents.success("eu1", DeploymentEvents.PLAN, 11, 20));

        assertThat(views.app(KEY).getStatus()).isEqualTo(AppStatus.RUNNING);
        assertThat(views.app(KEY).getDeployments()).isEmpty();
    }

    @Test
    void anAppWasLastUpdatedByItsLatestTaskChangeWhateverOrderTheTasksArriveIn() {
        views.pipe(APP, apiPost("eu1", APP, 1, 0));
        task(2, TaskState.TASK_RUNNING, 10);
        // A change of another task ingested earlier, arriving later (another partition of the re-keyed tasks).
        task(1, TaskState.TASK_RUNNING, 5);

        Instant latestTaskChange = TaskEvents.T0.plusSeconds(12);
        assertThat(views.appTasks(KEY).getUpdatedAt()).isEqualTo(latestTaskChange);
        assertThat(views.app(KEY).getUpdatedAt()).isEqualTo(latestTaskChange);
        assertThat(views.health(KEY).getUpdatedAt()).isEqualTo(latestTaskChange);
    }

    @Test
    void anAppKnownOnlyFromADeploymentIsGoneWhenTheDeploymentEnds() {
        String deployment = DeploymentEvents.key("eu1", DeploymentEvents.PLAN_ID).substring("eu1/".length());
        views.pipe(APP, apiPost("eu1", APP, 1, 0));
        views.pipe(deployment, DeploymentEvents.info("eu1", DeploymentEvents.PLAN, 1, 10, 10));
        assertThat(views.app("eu1//prod/api").getDeployments()).containsExactly(DeploymentEvents.PLAN_ID);

        views.pipe(deployment, DeploymentEvents.success("eu1", DeploymentEvents.PLAN, 11, 20));

        assertThat(views.app("eu1//prod/api")).as("no definition, no deployment, no task").isNull();
        assertThat(views.app(KEY).getDeployments()).as("a defined app stays").isEmpty();
    }

    @Test
    void aSnapshotReplacesTheDefinitionAndNamesItsDeployments() {
        views.pipe(APP, apiPost("eu1", APP, 1, 0));
        views.pipe(APP, appSnapshot("eu1", APP, 5, List.of(task(1)), List.of("d-1"), 10));

        AppView app = views.app(KEY);
        assertThat(app.getDesiredInstances()).isEqualTo(5);
        assertThat(app.getDeployments()).containsExactly("d-1");
        assertThat(app.getStatus()).isEqualTo(AppStatus.DEPLOYING);
        // The snapshot's task reaches the task table, with Marathon's host and health.
        assertThat(views.task("eu1/" + task(1)).getHost()).isEqualTo("node-3.example.org");
        assertThat(app.getRunning()).isEqualTo(1);
        assertThat(app.getHealthy()).isEqualTo(1);
    }

    @Test
    void repeatedFailuresWithInstancesMissingAreDelayedUntilATaskRunsAgain() {
        views.pipe(APP, apiPost("eu1", APP, 2, 0));
        task(1, TaskState.TASK_FAILED, 1);
        task(2, TaskState.TASK_FAILED, 3);
        assertThat(views.app(KEY).getStatus()).isEqualTo(AppStatus.WAITING);

        task(3, TaskState.TASK_FAILED, 5);

        AppView delayed = views.app(KEY);
        assertThat(delayed.getStatus()).isEqualTo(AppStatus.DELAYED);
        assertThat(delayed.getFailed()).isEqualTo(3);
        assertThat(delayed.getLastTaskFailure().getTaskId()).isEqualTo(task(3));
        assertThat(delayed.getLastTaskFailure().getState()).isEqualTo(TaskState.TASK_FAILED);
        assertThat(delayed.getLastTaskFailure().getTimestamp()).isEqualTo(T0.plusSeconds(6));

        task(4, TaskState.TASK_RUNNING, 7);

        assertThat(views.app(KEY).getStatus()).isEqualTo(AppStatus.WAITING);
        assertThat(views.appTasks(KEY).getFailuresSinceRunning()).isEmpty();
    }

    @Test
    void tasksOfAnotherFrameworkFormAnAppByFrameworkAndName() {
        views.pipe(added("eu1", "spark-1", 0));
        views.pipe(updated("eu1", "spark-1", TaskState.TASK_RUNNING, 1));

        AppView app = views.app("eu1/" + TaskEvents.FRAMEWORK_ID + "/web");
        assertThat(app.getOrigin()).isEqualTo(AppOrigin.MESOS);
        assertThat(app.getRunning()).isEqualTo(1);
        assertThat(app.getStatus()).isEqualTo(AppStatus.RUNNING);
        assertThat(app.getDesiredInstances()).isNull();
    }

    @Test
    void anAppWithoutDefinitionOrTasksIsATombstone() {
        views.pipe(APP, apiPost("eu1", APP, 1, 0));
        task(1, TaskState.TASK_RUNNING, 1);
        views.pipe(APP, terminated("eu1", APP, 5));
        assertThat(views.app(KEY).getDesiredInstances()).isNull();

        views.pipe(gone("eu1", task(1), 6));

        assertThat(views.app(KEY)).isNull();
        assertThat(views.appTasks(KEY)).isNull();
        List<AppView> rows = views.apps.readValuesToList();
        assertThat(rows.get(rows.size() - 1)).isNull();
    }

    @Test
    void aTaskThatChangesAppMovesItsCount() {
        // Known first by its Mesos name only, the task is then claimed by a Marathon app.
        views.pipe(added("eu1", "legacy-task-1", 0));
        views.pipe(updated("eu1", "legacy-task-1", TaskState.TASK_RUNNING, 1));
        assertThat(views.app("eu1/" + TaskEvents.FRAMEWORK_ID + "/web").getRunning()).isEqualTo(1);

        views.pipe(APP, healthChanged("eu1", APP, "legacy-task-1", true, 2));

        assertThat(views.app("eu1/" + TaskEvents.FRAMEWORK_ID + "/web")).isNull();
        assertThat(views.app(KEY).getRunning()).isEqualTo(1);
    }

    @Test
    void healthFollowsMarathonChecksAndMesosVerdicts() {
        views.pipe(APP, apiPost("eu1", APP, 2, 0));
        task(1, TaskState.TASK_RUNNING, 1);
        task(2, TaskState.TASK_STAGING, 3);
        AppHealthView initial = views.health(KEY);
        assertThat(initial.getHealthyTasks()).isEqualTo(1);
        assertThat(initial.getUnknownTasks()).isEqualTo(1);

        views.pipe(APP, failedCheck("eu1", APP, task(1), 10));
        views.pipe(APP, failedCheck("eu1", APP, task(1), 11));
        views.pipe(APP, healthChanged("eu1", APP, task(1), false, 12));

        AppHealthView failing = views.health(KEY);
        assertThat(failing.getUnhealthyTasks()).isEqualTo(1);
        assertThat(failing.getHealthyTasks()).isZero();
        assertThat(failing.getLastFailure()).isEqualTo(T0.plusSeconds(11));
        assertThat(failing.getLastFailureCause()).isEqualTo("HTTP /ping health check failed");
        assertThat(failing.getLastFailureTaskId()).isEqualTo(task(1));
        assertThat(failing.getTasks().get(task(1)).getConsecutiveFailures()).isEqualTo(2);
        assertThat(views.app(KEY).getUnhealthy()).isEqualTo(1);

        views.pipe(APP, healthChanged("eu1", APP, task(1), true, 20));

        AppHealthView recovered = views.health(KEY);
        assertThat(recovered.getHealthyTasks()).isEqualTo(1);
        assertThat(recovered.getAliveTasks()).isEqualTo(1);
        assertThat(recovered.getTasks().get(task(1)).getConsecutiveFailures()).isZero();
        assertThat(recovered.getTasks().get(task(1)).getFirstSuccess()).isEqualTo(T0.plusSeconds(2));
        assertThat(recovered.getLastSuccess()).isEqualTo(T0.plusSeconds(20));
    }

    @Test
    void anAppIsReadAsItWasAtAPastTime() {
        views.pipe(APP, apiPost("eu1", APP, 2, 0));
        task(1, TaskState.TASK_RUNNING, 10);
        task(2, TaskState.TASK_RUNNING, 20);

        assertThat(views.<AppView>rowAsOf(ViewStores.APPS, KEY, T0.plusSeconds(5)).getStatus())
                .isEqualTo(AppStatus.WAITING);
        assertThat(views.<AppView>rowAsOf(ViewStores.APPS, KEY, T0.plusSeconds(15)).getRunning()).isEqualTo(1);
        assertThat(views.<AppView>rowAsOf(ViewStores.APPS, KEY, T0.plusSeconds(30)).getStatus())
                .isEqualTo(AppStatus.RUNNING);
        assertThat(views.<AppHealthView>rowAsOf(ViewStores.APP_HEALTH, KEY, T0.plusSeconds(15)).getHealthyTasks())
                .isEqualTo(1);
    }

    @Test
    void anAppEventKeyedByTheBareClusterIsIgnored() {
        // The ingestor keys an event by the cluster alone when it names no app (here: an api_post without one).
        views.marathonEvents.pipeInput("eu1", apiPost("eu1", null, 1, 0));
        views.pipe(APP, apiPost("eu1", APP, 1, 1));

        assertThat(views.app(KEY).getDesiredInstances()).isEqualTo(1);
        assertThat(views.app("eu1")).isNull();
    }

    @Test
    void aDestroyedAppWhoseTasksAllFinishedIsGoneWhileItsTasksStay() {
        views.pipe(APP, apiPost("eu1", APP, 1, 0));
        task(1, TaskState.TASK_RUNNING, 1);
        views.pipe(updated("eu1", task(1), TaskState.TASK_KILLED, 5));
        assertThat(views.app(KEY)).isNotNull();

        views.pipe(APP, terminated("eu1", APP, 6));

        assertThat(views.app(KEY)).isNull();
        assertThat(views.task("eu1/" + task(1)).getState()).isEqualTo(TaskState.TASK_KILLED);
    }
}
