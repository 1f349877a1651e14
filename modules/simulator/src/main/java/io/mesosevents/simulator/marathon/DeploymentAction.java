package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One action of a deployment step, on an app or a pod.
 *
 * @param action e.g. {@code StartApplication}, {@code ScaleApplication}, {@code RestartApplication},
 *               {@code StopApplication}, {@code StartPod}, {@code RestartPod}, {@code StopPod}
 * @param app    the app acted on, or null
 * @param pod    the pod acted on, or null
 */
record DeploymentAction(String action, String app, String pod) {

    static DeploymentAction onApp(String action, String appId) {
        return new DeploymentAction(action, appId, null);
    }

    static DeploymentAction onPod(String action, String podId) {
        return new DeploymentAction(action, null, podId);
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("action", action);
        return app != null ? json.put("app", app) : json.put("pod", pod);
    }
}
