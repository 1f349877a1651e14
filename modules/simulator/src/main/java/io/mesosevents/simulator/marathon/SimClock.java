package io.mesosevents.simulator.marathon;

import io.mesosevents.simulator.SimRandom;
import java.time.Instant;

/**
 * Simulated time. Every event moves it forward by a random step drawn from the model's random
 * source, so timestamps, versions and launch delays depend on the seed and never on the wall clock
 * or the rate. Marathon writes times to the millisecond, so the clock reads in milliseconds; a step
 * is at least one, so two events never share a time.
 */
final class SimClock {

    private static final long MIN_STEP_MICROS = 1_000L;
    private static final long MAX_STEP_MICROS = 250_000L;

    private long micros;

    SimClock(Instant epoch) {
        this.micros = epoch.getEpochSecond() * 1_000_000L + epoch.getNano() / 1_000;
    }

    void advance(SimRandom random) {
        micros += MIN_STEP_MICROS + (long) (random.nextDouble() * (MAX_STEP_MICROS - MIN_STEP_MICROS));
    }

    Instant now() {
        return Instant.ofEpochMilli(micros / 1_000);
    }
}
