package io.mesosevents.simulator.marathon;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One version of an app as Marathon stores it. Every change makes a new version: a scale moves
 * {@code lastScalingAt}, any other change {@code lastConfigChangeAt} too.
 *
 * @param servicePorts one per port definition, named after {@code portNames}
 * @param labels       sorted, so that the JSON is the same for the same seed
 */
record AppDefinition(String id, String cmd, double cpus, double mem, double disk, int instances, Instant version,
                     Instant lastScalingAt, Instant lastConfigChangeAt, SortedMap<String, String> labels,
                     List<String> portNames, List<Integer> servicePorts, List<HealthCheckDefinition> healthChecks,
                     UpgradeStrategy upgradeStrategy, int backoffSeconds, double backoffFactor,
                     int maxLaunchDelaySeconds, int inactiveAfterSeconds, int expungeAfterSeconds) {

    AppDefinition {
        labels = new TreeMap<>(labels);
        portNames = List.copyOf(portNames);
        servicePorts = List.copyOf(servicePorts);
        healthChecks = List.copyOf(healthChecks);
        if (portNames.size() != servicePorts.size()) {
            throw new IllegalArgumentException("One service port per port name");
        }
    }

    @Override
    public SortedMap<String, String> labels() {
        return new TreeMap<>(labels);
    }

    boolean healthChecked() {
        return !healthChecks.isEmpty();
    }

    /** The app's path from the root, without the leading slash and with '_' for '/', as in its task ids. */
    String safeId() {
        return id.substring(1).replace('/', '_');
    }

    /** The group the app is in: {@code /prod} for {@code /prod/web}, {@code /} for {@code /web}. */
    String groupId() {
        int slash = id.lastIndexOf('/');
        return slash == 0 ? "/" : id.substring(0, slash);
    }

    AppDefinition scaled(int count, Instant at) {
        return new AppDefinition(id, cmd, cpus, mem, disk, count, at, at, lastConfigChangeAt, labels, portNames,
                servicePorts, healthChecks, upgradeStrategy, backoffSeconds, backoffFactor, maxLaunchDelaySeconds,
                inactiveAfterSeconds, expungeAfterSeconds);
    }

    /** A new configuration: what runs changes, so a restart replaces every instance. */
    AppDefinition reconfigured(String newCmd, double newMem, Map<String, String> newLabels,
                               List<HealthCheckDefinition> newHealthChecks, Instant at) {
        return new AppDefinition(id, newCmd, cpus, newMem, disk, instances, at, at, at, new TreeMap<>(newLabels),
                portNames, servicePorts, newHealthChecks, upgradeStrategy, backoffSeconds, backoffFactor,
                maxLaunchDelaySeconds, inactiveAfterSeconds, expungeAfterSeconds);
    }

    /** The same configuration under a new version, as {@code POST /v2/apps/{id}/restart} makes it. */
    AppDefinition restarted(Instant at) {
        return reconfigured(cmd, mem, labels, healthChecks, at);
    }
}
