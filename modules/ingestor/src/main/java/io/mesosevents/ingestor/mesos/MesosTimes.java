package io.mesosevents.ingestor.mesos;

import java.time.Instant;
import org.apache.mesos.v1.Protos.TimeInfo;

/** Mesos times as the millisecond instants of Avro's timestamp_ms. */
final class MesosTimes {

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private MesosTimes() {
    }

    /**
     * A Mesos timestamp in seconds since the epoch (a double, as in TaskStatus.timestamp); null for
     * NaN or infinity, which no real instant has. Rounded, not truncated, because the double is
     * already an approximation of a decimal number of milliseconds.
     */
    static Instant ofSeconds(double seconds) {
        return Double.isFinite(seconds) ? Instant.ofEpochMilli(Math.round(seconds * 1000.0)) : null;
    }

    /** A Mesos TimeInfo (nanoseconds since the epoch), truncated to the millisecond. */
    static Instant of(TimeInfo time) {
        return Instant.ofEpochMilli(Math.floorDiv(time.getNanoseconds(), NANOS_PER_MILLI));
    }
}
