package io.mesosevents.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before subscribing again after a failure or an ended session.
 *
 * @param initial    the first delay, doubled after every further failure (default 500 ms)
 * @param max        the cap of the delay (default 30 s)
 * @param resetAfter a session that streamed at least this long counts as healthy: the next delay
 *                   starts from {@code initial} again (default 60 s)
 */
public record BackoffPolicy(Duration initial, Duration max, Duration resetAfter) {

    public static final BackoffPolicy DEFAULT = new BackoffPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60));

    public BackoffPolicy {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(resetAfter, "resetAfter");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || resetAfter.isNegative()) {
            throw new IllegalArgumentException("Backoff needs 0 < initial <= max and resetAfter >= 0: " + this);
        }
    }
}
