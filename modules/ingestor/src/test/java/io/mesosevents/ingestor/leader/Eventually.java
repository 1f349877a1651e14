package io.mesosevents.ingestor.leader;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition that other threads make true. */
public final class Eventually {

    private static final long PAUSE_MILLIS = 50;

    private Eventually() {
    }

    public static void holds(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not " + what + " within " + timeout);
            }
            Thread.sleep(PAUSE_MILLIS);
        }
    }
}
