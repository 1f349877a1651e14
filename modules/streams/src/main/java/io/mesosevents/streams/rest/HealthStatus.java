package io.mesosevents.streams.rest;

import io.mesosevents.model.state.AppHealthView;
import java.util.List;

/**
 * The health of an app as the {@code status} filter of {@code /api/v1/health} names it: unhealthy when
 * any task fails its checks, else healthy when some task passes them, else unknown (no task has a
 * health result).
 */
final class HealthStatus {

    static final String HEALTHY = "healthy";
    static final String UNHEALTHY = "unhealthy";
    static final String UNKNOWN = "unknown";
    static final List<String> ALL = List.of(HEALTHY, UNHEALTHY, UNKNOWN);

    private HealthStatus() {
    }

    static String of(AppHealthView health) {
        if (health.getUnhealthyTasks() > 0) {
            return UNHEALTHY;
        }
        return health.getHealthyTasks() > 0 ? HEALTHY : UNKNOWN;
    }
}
