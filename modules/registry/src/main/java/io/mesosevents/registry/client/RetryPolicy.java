package io.mesosevents.registry.client;

import java.time.Duration;

/**
 * How often and how patiently a transient registry failure is retried: exponential backoff,
 * starting at {@code initialBackoff} and doubling up to {@code maxBackoff}.
 *
 * @param maxAttempts total attempts including the first one (at least 1)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "need 0 <= initialBackoff <= maxBackoff, was " + initialBackoff + " and " + maxBackoff);
        }
    }

    /** The pause before retry number {@code retry} (1 for the first retry). */
    public Duration backoffBeforeRetry(int retry) {
        Duration backoff = initialBackoff;
        for (int i = 1; i < retry && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
