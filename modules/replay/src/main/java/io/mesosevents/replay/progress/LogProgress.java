package io.mesosevents.replay.progress;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress as a log line every {@value #INTERVAL_SECONDS} s, for output that is not a terminal
 * (a redirect, a pipe, a CI log), where a redrawn bar would be noise:
 * {@code replay export: 612340/1000000 records (61%), 18420 records/s, eta 21 s}.
 */
public final class LogProgress implements Progress {

    static final long INTERVAL_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(LogProgress.class);

    private final String task;
    private final ProgressMeter meter;
    private final ScheduledExecutorService ticker;
    private volatile boolean closed;

    public LogProgress(String task, long total) {
        this.task = task;
        this.meter = new ProgressMeter(total, System.nanoTime());
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress-log");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::report, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void advance(long records) {
        meter.add(records);
    }

    private void report() {
        if (!closed) {
            LOG.info(line(task, meter.sample(System.nanoTime())));
        }
    }

    static String line(String task, ProgressMeter.Sample sample) {
        return String.format(Locale.ROOT, "%s: %d/%d records (%d%%), %.0f records/s, eta %s", task, sample.done(), sample.total(),
                sample.percent(), sample.rate(), sample.etaSeconds() < 0 ? "unknown" : sample.etaSeconds() + " s");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ticker.shutdownNow();
        long now = System.nanoTime();
        ProgressMeter.Sample sample = meter.sample(now);
        LOG.info(String.format(Locale.ROOT, "%s: done, %d records in %.1f s, %.0f records/s", task, sample.done(), sample.elapsedNanos() / 1e9,
                meter.averageRate(now)));
    }
}
