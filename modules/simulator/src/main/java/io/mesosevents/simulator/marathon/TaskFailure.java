package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** The last failure of one of an app's tasks, as {@code lastTaskFailure} shows it. */
record TaskFailure(String appId, String host, String message, String state, String taskId, Instant timestamp,
                   String version, String slaveId) {

    ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("appId", appId).put("host", host).put("message", message)
                .put("state", state).put("taskId", taskId).put("timestamp", Timestamps.format(timestamp))
                .put("version", version).put("slaveId", slaveId);
    }
}
