package io.mesosevents.marathon;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Marathon's state as its REST API shows it. Marathon's events are unordered and cannot be
 * replayed, so they only say that something changed; the snapshot says what is.
 *
 * @param apps          the {@code apps} of {@code GET /v2/apps} with tasks, deployments, counts,
 *                      readiness and last task failure embedded
 * @param deployments   {@code GET /v2/deployments}
 * @param pods          {@code GET /v2/pods}; empty when unsupported
 * @param podsSupported false for a Marathon without pods (before 1.4: {@code /v2/pods} answers 404)
 * @param readAt        when the reading started: every change before it is in the snapshot
 * @param periodic      true for a resync on a live session, false for the snapshot that starts one
 */
public record MarathonSnapshot(List<JsonNode> apps, List<JsonNode> deployments, List<JsonNode> pods,
                               boolean podsSupported, Instant readAt, boolean periodic) {

    public MarathonSnapshot {
        apps = List.copyOf(apps);
        deployments = List.copyOf(deployments);
        pods = List.copyOf(pods);
        Objects.requireNonNull(readAt, "readAt");
    }

    @Override
    public String toString() {
        return "MarathonSnapshot[" + apps.size() + " apps, " + deployments.size() + " deployments, "
                + (podsSupported ? pods.size() + " pods" : "no pod support") + ", readAt=" + readAt + ", periodic=" + periodic + "]";
    }
}
