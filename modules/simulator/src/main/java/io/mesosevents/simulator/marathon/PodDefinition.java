package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * A pod as {@code /v2/pods} shows it. The simulator keeps pods' definitions and deployments; it
 * runs no pod instances.
 *
 * @param container name of the pod's one container
 * @param shell     its command
 */
record PodDefinition(String id, Instant version, int instances, String container, String shell, double cpus,
                     double mem) {

    PodDefinition updated(double newMem, int newInstances, Instant at) {
        return new PodDefinition(id, at, newInstances, container, shell, cpus, newMem);
    }

    String groupId() {
        int slash = id.lastIndexOf('/');
        return slash == 0 ? "/" : id.substring(0, slash);
    }

    ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode json = f.objectNode();
        json.put("id", id);
        json.put("version", Timestamps.format(version));
        json.set("labels", f.objectNode());
        ObjectNode resources = f.objectNode().put("cpus", cpus).put("mem", mem).put("disk", 0).put("gpus", 0);
        ObjectNode exec = f.objectNode();
        exec.set("command", f.objectNode().put("shell", shell));
        ObjectNode c = f.objectNode().put("name", container);
        c.set("resources", resources);
        c.set("exec", exec);
        json.set("containers", f.arrayNode().add(c));
        json.set("networks", f.arrayNode().add(f.objectNode().put("mode", "host")));
        json.set("scaling", f.objectNode().put("kind", "fixed").put("instances", instances));
        ObjectNode upgrade = f.objectNode().put("minimumHealthCapacity", 1).put("maximumOverCapacity", 1);
        json.set("scheduling", f.objectNode().set("upgrade", upgrade));
        ArrayNode volumes = f.arrayNode();
        json.set("volumes", volumes);
        json.set("executorResources", f.objectNode().put("cpus", 0.1).put("mem", 32).put("disk", 10));
        return json;
    }
}
