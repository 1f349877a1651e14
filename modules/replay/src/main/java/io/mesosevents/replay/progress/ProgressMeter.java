package io.mesosevents.replay.progress;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts records against a total and estimates the rate as an exponential moving average over
 * {@value #RATE_WINDOW_SECONDS} seconds, so the rate and the ETA follow the current pace without
 * jumping with every sample. Counting is thread-safe; sampling is done by one reporter thread.
 */
public final class ProgressMeter {

    static final double RATE_WINDOW_SECONDS = 5.0;

    private final long total;
    private final long startNanos;
    private final LongAdder done = new LongAdder();
    private long lastNanos;
    private long lastDone;
    private double rate = Double.NaN;

    /** What the meter shows at one moment; {@code rate} in records per second, {@code etaSeconds} -1 when unknown. */
    public record Sample(long done, long total, double rate, long etaSeconds, long elapsedNanos) {

        /** Done in percent of the total, at most 100 (the total is an upper bound). */
        public int percent() {
            return total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
        }
    }

    public ProgressMeter(long total, long startNanos) {
        this.total = total;
        this.startNanos = startNanos;
        this.lastNanos = startNanos;
    }

    public void add(long records) {
        done.add(records);
    }

    public long done() {
        return done.sum();
    }

    /** Samples at {@code nowNanos}, updating the moving rate. */
    public synchronized Sample sample(long nowNanos) {
        long current = done.sum();
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            double seconds = elapsed / 1e9;
            double instant = (current - lastDone) / seconds;
            double weight = 1 - Math.exp(-seconds / RATE_WINDOW_SECONDS);
            rate = Double.isNaN(rate) ? instant : rate + weight * (instant - rate);
            lastNanos = nowNanos;
            lastDone = current;
        }
        double shown = Double.isNaN(rate) ? 0 : rate;
        long eta = shown > 0 ? (long) Math.ceil(Math.max(0, total - current) / shown) : -1;
        return new Sample(current, total, shown, eta, nowNanos - startNanos);
    }

    /** The average rate since the start, for the final line. */
    public double averageRate(long nowNanos) {
        double seconds = (nowNanos - startNanos) / 1e9;
        return seconds <= 0 ? 0 : done.sum() / seconds;
    }

    static String duration(long seconds) {
        if (seconds < 0) {
            return "?";
        }
        long hours = TimeUnit.SECONDS.toHours(seconds);
        long minutes = TimeUnit.SECONDS.toMinutes(seconds) % 60;
        long secs = seconds % 60;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, minutes, secs) : String.format("%d:%02d", minutes, secs);
    }
}
