package io.mesosevents.bench;

import io.mesosevents.model.Topic;
import org.apache.kafka.common.utils.AppInfoParser;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Prints the figures of a views suite run as a plain-text table, in the style of {@link ResultTable}. */
final class ViewsResultTable {

    private static final String ROW = "  %-52s %12s %10s %14s%n";
    private static final String LATENCY_ROW = "  %-28s %9s %7s %8s %8s %8s %8s %8s%n";

    private final PrintStream out;

    ViewsResultTable(PrintStream out) {
        this.out = out;
    }

    /** @param loadBefore the system load average before the run began */
    void print(ViewsBenchSettings settings, double loadBefore, ViewsInput input, ViewsThroughput views, ViewsThroughput bare,
               long deadLetters, ViewsWrites writes, RestFigures rest) {
        out.println();
        out.println("mesos-events views benchmark");
        out.printf(Locale.ROOT, "  machine: %d cores, %s %s (%s)%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), System.getProperty("os.arch"));
        out.printf(Locale.ROOT, "  system load average: %.2f before the run, %.2f after%n", loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.printf(Locale.ROOT, "  Kafka %s, one embedded KRaft broker, %d partitions per input topic; every Kafka Streams application "
                + "and serving instance in a JVM of its own, with serve's settings (exactly_once_v2)%n", AppInfoParser.getVersion(),
                settings.partitions());
        printThroughput(settings, input, views, bare, deadLetters, writes);
        printLatency(settings, rest);
    }

    private void printThroughput(ViewsBenchSettings settings, ViewsInput input, ViewsThroughput views, ViewsThroughput bare,
                                 long deadLetters, ViewsWrites writes) {
        out.println();
        out.printf(Locale.ROOT, "1. Throughput: %,d events pre-produced (seed %d): %s; %,d tasks of %,d Marathon apps on %,d agents%n",
                input.total(), settings.seed(), mix(input), input.taskKeys().size(), input.apps(), input.agents());
        out.printf(ROW, "application: start > every input offset committed", "records", "seconds", "records/s");
        row("views (ViewsApp: ViewsTopology, all topics)", views);
        secondsRow("  of which start > first offset commit", views.firstCommitNanos());
        row("bare groupByKey().reduce() over mesos.task-events", bare);
        secondsRow("  of which start > first offset commit", bare.firstCommitNanos());
        out.printf(Locale.ROOT, "  ratio views / bare, records/s: %.2f%n", views.perSecond() / bare.perSecond());
        out.printf(Locale.ROOT, "  written to Kafka (changelog, repartition, subscription and output topics): views %s for the %s "
                        + "they read (%.1f×), bare %s for %s (%.1f×)%n",
                megabytes(writes.viewsWritten()), megabytes(writes.viewsRead()), (double) writes.viewsWritten() / writes.viewsRead(),
                megabytes(writes.bareWritten()), megabytes(writes.bareRead()), (double) writes.bareWritten() / writes.bareRead());
        out.printf(Locale.ROOT, "  JVM heap: views peak %s, retained after GC %s; bare peak %s, retained %s. Records in views.dlq: %,d%n",
                mebibytes(views.heap().peakBytes()), mebibytes(views.heap().retainedBytes()), mebibytes(bare.heap().peakBytes()),
                mebibytes(bare.heap().retainedBytes()), deadLetters);
    }

    private void printLatency(ViewsBenchSettings settings, RestFigures rest) {
        out.println();
        out.printf(Locale.ROOT, "2. REST latency: GET /api/v1/tasks/{id} on instance A, %d req/s open loop for %d s per case after "
                        + "%.0f s of warm-up; latency from when each request was due%n", settings.restRate(), settings.restSeconds(),
                settings.restWarmUp().toMillis() / 1e3);
        out.printf(Locale.ROOT, "  instances: A %s and B %s, tasks partitions active %s; both loaded (stores restored from the "
                + "changelogs) %.1f s after start%n", rest.a(), rest.b(), rest.partitions().active(), rest.loadNanos() / 1e9);
        RestKeySplit keys = rest.keys();
        out.printf(Locale.ROOT, "  sampled task keys: %,d A owns, %,d B owns, %,d unanswered%n", keys.local().size(),
                keys.forwarded().size(), keys.unanswered().size());
        out.printf(LATENCY_ROW, "case", "requests", "errors", "p50 ms", "p90 ms", "p99 ms", "max ms", "mean ms");
        latencyRow("local: A answers itself", rest.local());
        latencyRow("forwarded: A asks B", rest.forwarded());
        rest.local().or(rest::forwarded).ifPresent(any -> out.printf(Locale.ROOT,
                "  answers from an unexpected instance: %d local, %d forwarded; the load generator was at most %.1f ms late "
                        + "sending; achieved %.0f and %.0f req/s%n",
                rest.local().map(LatencyFigures::misrouted).orElse(0), rest.forwarded().map(LatencyFigures::misrouted).orElse(0),
                Math.max(rest.local().map(LatencyFigures::maxSendLagNanos).orElse(0L),
                        rest.forwarded().map(LatencyFigures::maxSendLagNanos).orElse(0L)) / 1e6,
                rest.local().map(LatencyFigures::achievedRate).orElse(Double.NaN),
                rest.forwarded().map(LatencyFigures::achievedRate).orElse(Double.NaN)));
        Stream.of(rest.local(), rest.forwarded()).flatMap(Optional::stream).filter(figures -> figures.errorCount() > 0)
                .forEach(figures -> out.printf("  errors: %s%n", figures.errors()));
    }

    private void latencyRow(String label, Optional<LatencyFigures> figures) {
        if (figures.isEmpty()) {
            out.printf(LATENCY_ROW, label, "-", "-", "-", "-", "-", "-", "-");
            return;
        }
        LatencyFigures f = figures.get();
        out.printf(Locale.ROOT, LATENCY_ROW, label, String.format(Locale.ROOT, "%,d", f.requests()), Integer.toString(f.errorCount()),
                ms(f.millis(0.5)), ms(f.millis(0.9)), ms(f.millis(0.99)), ms(f.maxMillis()), ms(f.meanMillis()));
    }

    private void row(String stage, ViewsThroughput throughput) {
        out.printf(Locale.ROOT, ROW, stage, String.format(Locale.ROOT, "%,d", throughput.records()),
                String.format(Locale.ROOT, "%.2f", throughput.seconds()), String.format(Locale.ROOT, "%,.0f", throughput.perSecond()));
    }

    private void secondsRow(String stage, long nanos) {
        out.printf(Locale.ROOT, ROW, stage, "", String.format(Locale.ROOT, "%.2f", nanos / 1e9), "");
    }

    private static String mix(ViewsInput input) {
        return input.records().entrySet().stream().sorted(Map.Entry.<Topic, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey().defaultName(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.2f", millis);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MiB", bytes / (1024.0 * 1024.0));
    }
}
