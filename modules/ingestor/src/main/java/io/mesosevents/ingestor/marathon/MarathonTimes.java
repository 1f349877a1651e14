package io.mesosevents.ingestor.marathon;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times as {@code timestamp_ms} holds them: a record equals its decoded form only at millisecond precision. */
final class MarathonTimes {

    private MarathonTimes() {
    }

    static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
