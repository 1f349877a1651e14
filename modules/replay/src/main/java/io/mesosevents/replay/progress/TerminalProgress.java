package io.mesosevents.replay.progress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A progress bar redrawn in place ({@code \r}) at most every {@value #REDRAW_MILLIS} ms, on stderr
 * because stdout may carry data:
 * {@code export  [#########.......]  61%  612,340 / 1,000,000 records  18,420 rec/s  ETA 0:21}.
 * Closing draws it a last time, ends the line and prints a summary.
 */
public final class TerminalProgress implements Progress {

    static final long REDRAW_MILLIS = 200;
    private static final int BAR_CELLS = 24;

    private final String task;
    private final PrintWriter out;
    private final int width;
    private final ProgressMeter meter;
    private final ScheduledExecutorService redraw;
    private boolean closed;

    public TerminalProgress(String task, long total, PrintWriter out, int width) {
        this.task = task;
        this.out = out;
        this.width = width;
        this.meter = new ProgressMeter(total, System.nanoTime());
        this.redraw = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress-bar");
            thread.setDaemon(true);
            return thread;
        });
        redraw.scheduleAtFixedRate(this::draw, REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The terminal's width: {@code COLUMNS} when set (shells export it on request only), else 80. */
    public static int width() {
        try {
            String columns = System.getenv("COLUMNS");
            return columns == null ? 80 : Math.max(40, Integer.parseInt(columns.trim()));
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    @Override
    public void advance(long records) {
        meter.add(records);
    }

    private synchronized void draw() {
        if (!closed) {
            out.print('\r' + line(task, meter.sample(System.nanoTime()), width));
            out.flush();
        }
    }

    /** One frame of the bar, cut or padded to {@code width} so a shorter frame erases a longer one. */
    static String line(String task, ProgressMeter.Sample sample, int width) {
        int filled = sample.percent() * BAR_CELLS / 100;
        String text = String.format(Locale.ROOT, "%s  [%s%s] %3d%%  %,d / %,d records  %,.0f rec/s  ETA %s",
                task, "#".repeat(filled), ".".repeat(BAR_CELLS - filled), sample.percent(), sample.done(), sample.total(),
                sample.rate(), ProgressMeter.duration(sample.etaSeconds()));
        int room = Math.max(1, width - 1);
        return text.length() > room ? text.substring(0, room) : text + " ".repeat(room - text.length());
    }

    @Override
    public void close() {
        redraw.shutdownNow();
        synchronized (this) {
            if (closed) {
                return;
            }
            long now = System.nanoTime();
            ProgressMeter.Sample last = meter.sample(now);
            out.print('\r' + line(task, last, width));
            out.println();
            out.printf(Locale.ROOT, "%s: %,d records in %s (%,.0f records/s)%n", task, last.done(),
                    ProgressMeter.duration(last.elapsedNanos() / 1_000_000_000L), meter.averageRate(now));
            out.flush();
            closed = true;
        }
    }
}
