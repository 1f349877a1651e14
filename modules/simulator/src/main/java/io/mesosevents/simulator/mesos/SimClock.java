package io.mesosevents.simulator.mesos;

import io.mesosevents.simulator.SimRandom;
import org.apache.mesos.v1.Protos.TimeInfo;

import java.time.Instant;

/**
 * Simulated time. Every event moves it forward by a random step drawn from the model's random
 * source, so timestamps in events depend on the seed and never on the wall clock or the rate.
 */
final class SimClock {

    private static final long MIN_STEP_NANOS = 1_000_000L;
    private static final long MAX_STEP_NANOS = 250_000_000L;

    private long nanos;

    SimClock(Instant epoch) {
        this.nanos = epoch.getEpochSecond() * 1_000_000_000L + epoch.getNano();
    }

    void advance(SimRandom random) {
        nanos += MIN_STEP_NANOS + (long) (random.nextDouble() * (MAX_STEP_NANOS - MIN_STEP_NANOS));
    }

    TimeInfo timeInfo() {
        return TimeInfo.newBuilder().setNanoseconds(nanos).build();
    }

    /** Seconds since the Unix epoch, the unit of {@code TaskStatus.timestamp}. */
    double seconds() {
        return nanos / 1e9;
    }

    /** A time {@code secondsAgo} before now, for things that happened before the master started. */
    TimeInfo timeInfoBefore(long secondsAgo) {
        return TimeInfo.newBuilder().setNanoseconds(nanos - secondsAgo * 1_000_000_000L).build();
    }
}
