package io.mesosevents.streams;

import static io.mesosevents.streams.DeploymentEvents.PLAN;
import static io.mesosevents.streams.DeploymentEvents.PLAN_ID;
import static io.mesosevents.streams.DeploymentEvents.RESTART;
import static io.mesosevents.streams.DeploymentEvents.T0;
import static io.mesosevents.streams.DeploymentEvents.action;
import static io.mesosevents.streams.DeploymentEvents.event;
import static io.mesosevents.streams.DeploymentEvents.failed;
import static io.mesosevents.streams.DeploymentEvents.gone;
import static io.mesosevents.streams.DeploymentEvents.info;
import static io.mesosevents.streams.DeploymentEvents.live;
import static io.mesosevents.streams.DeploymentEvents.step;
import static io.mesosevents.streams.DeploymentEvents.stepFailure;
import static io.mesosevents.streams.DeploymentEvents.stepSuccess;
import static io.mesosevents.streams.DeploymentEvents.success;
import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.marathon.DeploymentFailed;
import io.mesosevents.model.marathon.DeploymentInfo;
import io.mesosevents.model.marathon.DeploymentStep;
import io.mesosevents.model.marathon.DeploymentSuccess;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.marathon.StatusUpdateEvent;
import io.mesosevents.model.state.DeploymentState;
import io.mesosevents.model.state.DeploymentView;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeploymentViewFoldTest {

    @BeforeAll
    static void trustModel() {
        AvroClassTrust.install();
    }

    @Test
    void theCurrentStepIsTheOneBasedPositionOfTheEqualStepOfThePlan() {
        DeploymentView row = DeploymentViewFold.apply(null, info("eu1", PLAN, 3, 1, 0));

        assertThat(row.getCurrentStep()).isEqualTo(3);
        assertThat(row.getCurrentActions()).isEqualTo(RESTART.getActions());
        assertThat(row.getTotalSteps()).isEqualTo(3);
    }

    @Test
    void aStepSuccessShowsProgressEvenWhenTheInfoOfItsStepWasMissed() {
        DeploymentView row = DeploymentViewFold.apply(null, info("eu1", PLAN, 1, 1, 0));
        row = DeploymentViewFold.apply(row, stepSuccess("eu1", PLAN, 3, 2, 30));

        assertThat(row.getCurrentStep()).isEqualTo(3);
        assertThat(row.getCurrentActions()).isEqualTo(RESTART.getActions());
        assertThat(row.getStarted()).isEqualTo(T0);
    }

    @Test
    void aStepTheNewPlanLacksHasNoNumberButItsActions() {
        DeploymentStep unplanned = step(action("StopApplication", "/prod/old", null));
        DeploymentView row = DeploymentViewFold.apply(null,
                event(live("eu1", 1, 0), "deployment_info", new DeploymentInfo(PLAN, unplanned)));

        assertThat(row.getCurrentStep()).isNull();
        assertThat(row.getCurrentActions()).isEqualTo(unplanned.getActions());
    }

    @Test
    void marathonsOwnReasonForAFailureWinsOverTheFailedStep() {
        DeploymentView row = DeploymentViewFold.apply(null, stepFailure("eu1", PLAN, 3, 1, 0));
        row = DeploymentViewFold.apply(row, event(live("eu1", 2, 5), "deployment_failed",
                new DeploymentFailed(PLAN_ID, PLAN, "cancelled by the operator")));

        assertThat(row.getState()).isEqualTo(DeploymentState.FAILED);
        assertThat(row.getFailureReason()).isEqualTo("cancelled by the operator");
    }

    @Test
    void aDeploymentCancelledForAForcedOneIsSuperseded() {
        DeploymentView row = DeploymentViewFold.apply(null, info("eu1", PLAN, 1, 1, 0));
        row = DeploymentViewFold.apply(row, event(live("eu1", 2, 5), "deployment_failed", new DeploymentFailed(PLAN_ID,
                PLAN, "Deployment " + PLAN_ID + " was superseded by deployment 6b1f (force=true)")));

        assertThat(row.getState()).isEqualTo(DeploymentState.SUPERSEDED);
        assertThat(row.getFailureReason()).contains("superseded by deployment 6b1f");
        assertThat(row.getFinished()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void aStepFailureNamesTheStepAndItsPodAction() {
        DeploymentView row = DeploymentViewFold.apply(null, stepFailure("eu1", PLAN, 3, 1, 0));

        assertThat(row.getState()).isEqualTo(DeploymentState.IN_PROGRESS);
        assertThat(row.getFailureReason()).isEqualTo("step 3 of 3 failed: RestartApplication /prod/db");
    }

    @Test
    void anOutcomeWithoutAPlanKeepsWhatThePlanSaid() {
        DeploymentView running = DeploymentViewFold.apply(null, info("eu1", PLAN, 2, 1, 0));
        DeploymentView failed = DeploymentViewFold.apply(running,
                event(live("eu1", 2, 9), "deployment_failed", new DeploymentFailed(PLAN_ID, null, null)));

        assertThat(failed.getState()).isEqualTo(DeploymentState.FAILED);
        assertThat(failed.getFinished()).isEqualTo(T0.plusSeconds(9));
        assertThat(failed.getSteps()).isEqualTo(PLAN.getSteps());
        assertThat(failed.getAffectedApps()).isEqualTo(PLAN.getAffectedApps());
        assertThat(failed.getCurrentStep()).isEqualTo(2);
        assertThat(failed.getFailureReason()).isNull();
    }

    @Test
    void anOutcomeSeenFirstStartsAndFinishesTheRow() {
        DeploymentView row = DeploymentViewFold.apply(null,
                event(live("eu1", 1, 7), "deployment_success", new DeploymentSuccess(PLAN_ID, null)));

        assertThat(row.getDeploymentId()).isEqualTo(PLAN_ID);
        assertThat(row.getState()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(row.getStarted()).isEqualTo(T0.plusSeconds(7));
        assertThat(row.getFinished()).isEqualTo(T0.plusSeconds(7));
    }

    @Test
    void aFirstOutcomeIsFinal() {
        DeploymentView succeeded = DeploymentViewFold.apply(null, success("eu1", PLAN, 1, 5));

        assertThat(DeploymentViewFold.apply(succeeded, failed("eu1", PLAN, 2, 6))).isSameAs(succeeded);
        assertThat(DeploymentViewFold.apply(succeeded, gone("eu1", "deployment", PLAN_ID, 3, 7))).isSameAs(succeeded);
    }

    @Test
    void aGoneDeploymentWithoutARowMakesNone() {
        assertThat(DeploymentViewFold.apply(null, gone("eu1", "deployment", PLAN_ID, 1, 0))).isNull();
    }

    @Test
    void aDeploymentRecordOfKindGoneSupersedesTheDeployment() {
        DeploymentView running = DeploymentViewFold.apply(null, info("eu1", PLAN, 1, 1, 0));
        MarathonEvent info = info("eu1", PLAN, 2, 2, 20);
        MarathonEvent goneInfo = MarathonEvent.newBuilder(info)
                .setMeta(EventMeta.newBuilder(info.getMeta()).setKind(EventKind.GONE).build()).build();

        DeploymentView row = DeploymentViewFold.apply(running, goneInfo);

        assertThat(row.getState()).isEqualTo(DeploymentState.SUPERSEDED);
        assertThat(row.getFinished()).isEqualTo(T0.plusSeconds(20));
        assertThat(row.getCurrentStep()).isEqualTo(1);
    }

    @Test
    void anEventAboutNoDeploymentLeavesTheRowAsItIs() {
        DeploymentView running = DeploymentViewFold.apply(null, info("eu1", PLAN, 1, 1, 0));
        MarathonEvent other = event(live("eu1", 2, 3), "status_update_event",
                StatusUpdateEvent.newBuilder().setAppId("/prod/web").build());

        assertThat(DeploymentViewFold.apply(running, other)).isSameAs(running);
        assertThat(DeploymentViewFold.apply(running, gone("eu1", "app", PLAN_ID, 3, 4))).isSameAs(running);
    }

    @Test
    void aFinishedRowExpiresOnceTheRetentionHasPassedSinceItFinished() {
        DeploymentView running = DeploymentViewFold.apply(null, info("eu1", PLAN, 1, 1, 0));
        DeploymentView succeeded = DeploymentViewFold.apply(running, success("eu1", PLAN, 2, 10));
        Duration retention = Duration.ofHours(1);
        Instant due = T0.plusSeconds(10).plus(retention);

        assertThat(DeploymentViewFold.isExpired(succeeded, due.minusMillis(1), retention)).isFalse();
        assertThat(DeploymentViewFold.isExpired(succeeded, due, retention)).isTrue();
        assertThat(DeploymentViewFold.isExpired(running, due.plus(Duration.ofDays(30)), retention)).isFalse();
    }
}
