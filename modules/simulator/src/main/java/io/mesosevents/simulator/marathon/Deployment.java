package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A deployment plan and how far it got; mutable, owned by the model.
 *
 * @see DeploymentEngine
 */
final class Deployment {

    final String id;
    final Instant version;
    final List<DeploymentStep> steps;
    /**
     * The root group before the change, as the plan in events carries it. Serialized once: every
     * event of the deployment carries it, and it holds every app.
     */
    private final RawValue original;
    /** The root group after the change. */
    private final RawValue target;
    /** The running step, from 1; 0 before the first starts. */
    int currentStep;
    /** The running step is done and its end is being announced. */
    boolean stepDone;

    Deployment(String id, Instant version, List<DeploymentStep> steps, ObjectNode original, ObjectNode target) {
        this.id = id;
        this.version = version;
        this.steps = List.copyOf(steps);
        this.original = new RawValue(original.toString());
        this.target = new RawValue(target.toString());
    }

    DeploymentStep current() {
        return steps.get(currentStep - 1);
    }

    boolean lastStep() {
        return currentStep == steps.size();
    }

    Set<String> affectedApps() {
        Set<String> apps = new LinkedHashSet<>();
        steps.forEach(step -> step.actions().stream().filter(a -> a.app() != null).forEach(a -> apps.add(a.app())));
        return apps;
    }

    Set<String> affectedPods() {
        Set<String> pods = new LinkedHashSet<>();
        steps.forEach(step -> step.actions().stream().filter(a -> a.pod() != null).forEach(a -> pods.add(a.pod())));
        return pods;
    }

    /** The plan as events carry it: {@code {id, version, original, target, steps}}. */
    ObjectNode planJson() {
        ObjectNode plan = JsonNodeFactory.instance.objectNode();
        plan.put("id", id);
        plan.put("version", Timestamps.format(version));
        plan.putRawValue("original", original);
        plan.putRawValue("target", target);
        plan.set("steps", stepsJson());
        return plan;
    }

    /** The deployment as {@code GET /v2/deployments} lists it. */
    ObjectNode restJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode json = f.objectNode();
        json.put("id", id);
        json.put("version", Timestamps.format(version));
        ArrayNode apps = f.arrayNode();
        affectedApps().forEach(apps::add);
        json.set("affectedApps", apps);
        ArrayNode pods = f.arrayNode();
        affectedPods().forEach(pods::add);
        json.set("affectedPods", pods);
        json.set("steps", stepsJson());
        ArrayNode currentActions = f.arrayNode();
        if (currentStep > 0) {
            for (DeploymentAction action : current().actions()) {
                ObjectNode a = action.toJson();
                a.set("readinessCheckResults", f.arrayNode());
                currentActions.add(a);
            }
        }
        json.set("currentActions", currentActions);
        json.put("currentStep", currentStep);
        json.put("totalSteps", steps.size());
        return json;
    }

    private ArrayNode stepsJson() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        steps.forEach(step -> array.add(step.toJson()));
        return array;
    }
}
