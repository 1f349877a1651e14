package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One health check of an app, as Marathon's REST API and events show it.
 *
 * @param protocol               {@code MESOS_HTTP}, {@code HTTP} or {@code TCP}
 * @param path                   the probed path; null for {@code TCP}
 * @param maxConsecutiveFailures failures in a row after which Marathon kills the instance (0 = never)
 */
record HealthCheckDefinition(String protocol, String path, int portIndex, int gracePeriodSeconds, int intervalSeconds,
                             int timeoutSeconds, int maxConsecutiveFailures, int delaySeconds) {

    boolean http() {
        return path != null;
    }

    /** Marathon leaves out what a protocol does not use: a TCP check has no path, only its own HTTP checks a 1xx rule. */
    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("protocol", protocol);
        if (http()) {
            json.put("path", path);
        }
        json.put("portIndex", portIndex);
        json.put("gracePeriodSeconds", gracePeriodSeconds);
        json.put("intervalSeconds", intervalSeconds);
        json.put("timeoutSeconds", timeoutSeconds);
        json.put("maxConsecutiveFailures", maxConsecutiveFailures);
        json.put("delaySeconds", delaySeconds);
        if (protocol.equals("HTTP")) {
            json.put("ignoreHttp1xx", false);
        }
        return json;
    }
}
