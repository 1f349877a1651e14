package io.mesosevents.bench;

import java.time.Duration;

/** A point in {@link System#nanoTime()} time after which waiting is given up. */
record Deadline(long nanos) {

    static Deadline in(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    /** Fails once the deadline passed; {@code what} names what was awaited. */
    void require(String what) {
        if (System.nanoTime() > nanos) {
            throw new IllegalStateException("Gave up waiting for " + what);
        }
    }
}
