package io.mesosevents.simulator.marathon;

import java.time.Instant;

/**
 * An instance's health as Marathon tracks it from the results of its checks.
 *
 * @param alive               whether the last result was a success
 * @param consecutiveFailures failures since the last success
 * @param firstSuccess        null until a check has passed
 * @param lastFailureCause    why the last failure failed; null until one did
 */
record HealthState(boolean alive, int consecutiveFailures, Instant firstSuccess, Instant lastSuccess,
                   Instant lastFailure, String lastFailureCause) {

    static HealthState firstResult(boolean healthy, Instant at, String cause) {
        return healthy ? new HealthState(true, 0, at, at, null, null) : new HealthState(false, 1, null, null, at, cause);
    }

    HealthState next(boolean healthy, Instant at, String cause) {
        return healthy
                ? new HealthState(true, 0, firstSuccess == null ? at : firstSuccess, at, lastFailure, lastFailureCause)
                : new HealthState(false, consecutiveFailures + 1, firstSuccess, lastSuccess, at, cause);
    }
}
