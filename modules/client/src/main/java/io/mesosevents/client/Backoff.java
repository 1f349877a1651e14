package io.mesosevents.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Jittered exponential backoff. Each delay is drawn from [½·d, d] where d doubles per failure up
 * to the cap: the jitter keeps a fleet of clients from hammering a recovering master in step.
 */
public final class Backoff {

    private final BackoffPolicy policy;
    private final DoubleSupplier random;
    private Duration ceiling;

    /** @param random uniform values in [0, 1) */
    public Backoff(BackoffPolicy policy, DoubleSupplier random) {
        this.policy = policy;
        this.random = random;
        this.ceiling = policy.initial();
    }

    /** The delay before the next attempt; every call doubles the one after it, up to the cap. */
    public Duration next() {
        Duration current = ceiling;
        Duration doubled = current.multipliedBy(2);
        ceiling = doubled.compareTo(policy.max()) > 0 ? policy.max() : doubled;
        return Duration.ofNanos((long) (current.toNanos() * (0.5 + 0.5 * random.getAsDouble())));
    }

    /** Starts over from the initial delay, after a healthy period. */
    public void reset() {
        ceiling = policy.initial();
    }
}
