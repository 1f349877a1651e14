package io.mesosevents.streams.rest;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rejected requests in the log, never with what they presented: each at DEBUG, and those with wrong
 * credentials (a misconfigured client, or someone guessing) also as one WARN per {@link #WARN_INTERVAL}
 * at most, counting the ones since the last.
 */
final class AuthFailureLog {

    static final Duration WARN_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(AuthFailureLog.class);

    private final LongSupplier nanoTime;
    private final AtomicLong wrongSinceWarning = new AtomicLong();
    private final AtomicLong nextWarning;

    AuthFailureLog() {
        this(System::nanoTime);
    }

    AuthFailureLog(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.nextWarning = new AtomicLong(nanoTime.getAsLong());
    }

    void rejected(String method, String path, String remote, AuthCheck.Verdict verdict) {
        String what = verdict == AuthCheck.Verdict.MISSING ? "no credentials" : "wrong credentials";
        log.debug("Rejected {} {} from {}: {}", method, path, remote, what);
        if (verdict != AuthCheck.Verdict.WRONG) {
            return;
        }
        wrongSinceWarning.incrementAndGet();
        long now = nanoTime.getAsLong();
        long due = nextWarning.get();
        if (now - due >= 0 && nextWarning.compareAndSet(due, now + WARN_INTERVAL.toNanos())) {
            log.warn("Rejected {} request(s) with wrong credentials since the last warning, the latest {} {} from {}",
                    wrongSinceWarning.getAndSet(0),
                    method, path, remote);
        }
    }
}
