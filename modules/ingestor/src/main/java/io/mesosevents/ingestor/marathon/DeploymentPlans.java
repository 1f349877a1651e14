package io.mesosevents.ingestor.marathon;

import io.mesosevents.model.marathon.DeploymentAction;
import io.mesosevents.model.marathon.DeploymentPlan;
import io.mesosevents.model.marathon.DeploymentStep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/** What a deployment plan touches, when Marathon leaves it to be read from the steps. */
final class DeploymentPlans {

    private DeploymentPlans() {
    }

    /** {@code plan} with its affected apps and pods taken from the steps' actions where it names none. */
    static DeploymentPlan withAffected(DeploymentPlan plan) {
        Set<String> apps = new LinkedHashSet<>();
        Set<String> pods = new LinkedHashSet<>();
        for (DeploymentStep step : plan.getSteps()) {
            for (DeploymentAction action : step.getActions()) {
                if (action.getApp() != null) {
                    apps.add(action.getApp());
                }
                if (action.getPod() != null) {
                    pods.add(action.getPod());
                }
            }
        }
        DeploymentPlan.Builder filled = DeploymentPlan.newBuilder(plan);
        if (plan.getAffectedApps().isEmpty()) {
            filled.setAffectedApps(new ArrayList<>(apps));
        }
        if (plan.getAffectedPods().isEmpty()) {
            filled.setAffectedPods(new ArrayList<>(pods));
        }
        return filled.build();
    }
}
