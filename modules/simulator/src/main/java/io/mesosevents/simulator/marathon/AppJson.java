package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Set;

/** Apps and tasks as Marathon's REST API writes them. */
final class AppJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AppJson() {
    }

    /** An app definition: what {@code api_post_event} and deployment plans carry. */
    static ObjectNode definition(AppDefinition app) {
        ObjectNode json = F.objectNode();
        json.put("id", app.id());
        json.put("cmd", app.cmd());
        json.set("args", null);
        json.set("user", null);
        json.set("env", F.objectNode());
        json.put("instances", app.instances());
        json.put("cpus", app.cpus());
        json.put("mem", app.mem());
        json.put("disk", app.disk());
        json.put("gpus", 0);
        json.put("executor", "");
        json.set("constraints", F.arrayNode());
        json.set("uris", F.arrayNode());
        json.set("fetch", F.arrayNode());
        json.set("storeUrls", F.arrayNode());
        json.put("backoffSeconds", app.backoffSeconds());
        json.put("backoffFactor", app.backoffFactor());
        json.put("maxLaunchDelaySeconds", app.maxLaunchDelaySeconds());
        json.set("container", null);
        ArrayNode checks = F.arrayNode();
        app.healthChecks().forEach(check -> checks.add(check.toJson()));
        json.set("healthChecks", checks);
        json.set("readinessChecks", F.arrayNode());
        json.set("dependencies", F.arrayNode());
        json.set("upgradeStrategy", F.objectNode()
                .put("minimumHealthCapacity", app.upgradeStrategy().minimumHealthCapacity())
                .put("maximumOverCapacity", app.upgradeStrategy().maximumOverCapacity()));
        json.set("unreachableStrategy", F.objectNode().put("inactiveAfterSeconds", app.inactiveAfterSeconds())
                .put("expungeAfterSeconds", app.expungeAfterSeconds()));
        json.put("killSelection", "YOUNGEST_FIRST");
        ObjectNode labels = F.objectNode();
        app.labels().forEach(labels::put);
        json.set("labels", labels);
        ArrayNode ports = F.arrayNode();
        for (int i = 0; i < app.portNames().size(); i++) {
            ObjectNode port = F.objectNode().put("port", app.servicePorts().get(i)).put("protocol", "tcp")
                    .put("name", app.portNames().get(i));
            port.set("labels", F.objectNode());
            ports.add(port);
        }
        json.set("portDefinitions", ports);
        json.put("requirePorts", false);
        json.set("networks", F.arrayNode().add(F.objectNode().put("mode", "host")));
        json.put("version", Timestamps.format(app.version()));
        json.set("versionInfo", F.objectNode().put("lastScalingAt", Timestamps.format(app.lastScalingAt()))
                .put("lastConfigChangeAt", Timestamps.format(app.lastConfigChangeAt())));
        return json;
    }

    /**
     * An app as {@code /v2/apps} shows it: its definition plus, only when embedded, its counts,
     * deployments, tasks (known to Mesos, so not those still scheduled), readiness results and last failure.
     */
    static ObjectNode app(AppEntry app, Set<Embed> embeds) {
        ObjectNode json = definition(app.definition);
        if (embeds.contains(Embed.COUNTS)) {
            int staged = 0;
            int running = 0;
            int healthy = 0;
            int unhealthy = 0;
            for (InstanceEntry instance : app.instances.values()) {
                if ("TASK_STAGING".equals(instance.state) || "TASK_STARTING".equals(instance.state)) {
                    staged++;
                } else if (instance.running()) {
                    running++;
                }
                if (instance.health != null && instance.health.alive()) {
                    healthy++;
                } else if (instance.health != null) {
                    unhealthy++;
                }
            }
            json.put("tasksStaged", staged).put("tasksRunning", running).put("tasksHealthy", healthy)
                    .put("tasksUnhealthy", unhealthy);
        }
        if (embeds.contains(Embed.DEPLOYMENTS)) {
            ArrayNode deployments = F.arrayNode();
            if (app.deployment != null && app.deployment.currentStep > 0) {
                deployments.add(F.objectNode().put("id", app.deployment.id));
            }
            json.set("deployments", deployments);
        }
        if (embeds.contains(Embed.TASKS)) {
            ArrayNode tasks = F.arrayNode();
            app.instances.values().stream().filter(instance -> !instance.scheduled()).forEach(i -> tasks.add(task(i)));
            json.set("tasks", tasks);
        }
        if (embeds.contains(Embed.READINESS)) {
            json.set("readinessCheckResults", F.arrayNode());
        }
        if (embeds.contains(Embed.LAST_TASK_FAILURE) && app.lastTaskFailure != null) {
            json.set("lastTaskFailure", app.lastTaskFailure.toJson());
        }
        return json;
    }

    static ObjectNode task(InstanceEntry instance) {
        ObjectNode json = F.objectNode();
        json.put("id", instance.taskId);
        json.put("appId", instance.appId);
        json.put("host", instance.host);
        json.set("ports", ports(instance));
        ArrayNode servicePorts = F.arrayNode();
        instance.definition.servicePorts().forEach(servicePorts::add);
        json.set("servicePorts", servicePorts);
        json.put("slaveId", instance.agentId);
        json.put("state", instance.state);
        json.put("stagedAt", instance.stagedAt == null ? null : Timestamps.format(instance.stagedAt));
        json.put("startedAt", instance.startedAt == null ? null : Timestamps.format(instance.startedAt));
        json.put("version", instance.version());
        json.set("ipAddresses", ipAddresses(instance.host));
        json.set("localVolumes", F.arrayNode());
        if (instance.health != null) {
            json.set("healthCheckResults", F.arrayNode().add(healthCheckResult(instance)));
        }
        return json;
    }

    static ArrayNode ports(InstanceEntry instance) {
        ArrayNode ports = F.arrayNode();
        instance.ports.forEach(ports::add);
        return ports;
    }

    /**
     * The task's IP addresses. Tasks use the agent's network, so their address is the agent's: its
     * host when that is an IPv4 literal, else one derived from the host name, the same every time.
     */
    static ArrayNode ipAddresses(String host) {
        ArrayNode addresses = F.arrayNode();
        if (host != null) {
            addresses.add(F.objectNode().put("ipAddress", ipOf(host)).put("protocol", "IPv4"));
        }
        return addresses;
    }

    private static String ipOf(String host) {
        if (host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return host;
        }
        int hash = host.hashCode();
        return "10." + ((hash >>> 16) & 0xFF) + "." + ((hash >>> 8) & 0xFF) + "." + Math.max(1, hash & 0xFE);
    }

    private static ObjectNode healthCheckResult(InstanceEntry instance) {
        HealthState health = instance.health;
        ObjectNode json = F.objectNode();
        json.put("alive", health.alive());
        json.put("consecutiveFailures", health.consecutiveFailures());
        json.put("firstSuccess", format(health.firstSuccess()));
        json.put("lastFailure", format(health.lastFailure()));
        json.put("lastSuccess", format(health.lastSuccess()));
        json.put("lastFailureCause", health.lastFailureCause());
        json.put("instanceId", instance.instanceId);
        return json;
    }

    private static String format(Instant instant) {
        return instant == null ? null : Timestamps.format(instant);
    }
}
