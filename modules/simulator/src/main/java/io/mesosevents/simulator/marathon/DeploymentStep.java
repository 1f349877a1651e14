package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** One step of a deployment: its actions run together; the next step starts when all are done. */
record DeploymentStep(List<DeploymentAction> actions) {

    DeploymentStep {
        actions = List.copyOf(actions);
    }

    static DeploymentStep of(DeploymentAction... actions) {
        return new DeploymentStep(List.of(actions));
    }

    ObjectNode toJson() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        actions.forEach(action -> array.add(action.toJson()));
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("actions", array);
        return json;
    }
}
