package io.mesosevents.simulator.marathon;

import java.util.List;

/** What became of a client's {@code PUT /v2/apps/{id}} with a new instance count. */
sealed interface ScaleOutcome {

    /** The scale is planned as {@code deploymentId}; {@code version} is the app's new version. */
    record Planned(String deploymentId, String version) implements ScaleOutcome {
    }

    /** No app has that id (or it is being destroyed). */
    record UnknownApp(String appId) implements ScaleOutcome {
    }

    /** Deployments in progress hold the app, and the client did not ask to force the change. */
    record Locked(List<String> deploymentIds) implements ScaleOutcome {

        public Locked {
            deploymentIds = List.copyOf(deploymentIds);
        }
    }
}
