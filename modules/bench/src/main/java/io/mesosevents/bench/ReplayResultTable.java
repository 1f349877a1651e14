package io.mesosevents.bench;

import io.mesosevents.replay.export.ExportFormat;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.utils.AppInfoParser;

/** Prints the figures of a replay run as a plain-text table, every rate beside the consumer-perf-test's. */
final class ReplayResultTable {

    private static final String ROW = "  %-28s %12s %10s %14s %16s%n";

    private final PrintStream out;

    ReplayResultTable(PrintStream out) {
        this.out = out;
    }

    void print(ReplayBenchSettings settings, double loadBefore, long events, ConsumerPerf.Result consumer,
               Map<ExportFormat, ReplayBench.Row> exports, Optional<ReplayBench.Row> state) {
        Runtime runtime = Runtime.getRuntime();
        out.println();
        out.println("mesos-events replay benchmark");
        out.printf(Locale.ROOT, "  machine: %d cores, %s %s; export in this JVM with %d readers%n", runtime.availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), runtime.availableProcessors());
        // Every process on the machine shares its cores with the run: a load above the core count means the figures are low.
        out.printf(Locale.ROOT, "  system load average: %.2f before the run, %.2f after%n", loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.printf(Locale.ROOT, "  Kafka %s, one embedded KRaft broker, %d partitions per topic; log of %d events (state: %d)%n",
                AppInfoParser.getVersion(), settings.partitions(), events, settings.stateEvents());
        out.println();
        out.printf(ROW, "run", "records", "seconds", "records/s", "vs consumer-perf");
        out.printf(Locale.ROOT, ROW, "consumer-perf-test", consumer.records(), "", String.format(Locale.ROOT, "%.0f", consumer.recordsPerSecond()),
                "1.00");
        out.printf(Locale.ROOT, ROW, "  (fetch time only)", "", "", String.format(Locale.ROOT, "%.0f", consumer.fetchRecordsPerSecond()), "");
        exports.values().forEach(row -> print(row, consumer));
        state.ifPresent(row -> print(row, consumer));
        out.println();
        out.println("  consumer-perf-test reads raw bytes in one consumer; export decodes Avro and writes files; state folds the views offline.");
    }

    private void print(ReplayBench.Row row, ConsumerPerf.Result consumer) {
        out.printf(Locale.ROOT, ROW, row.name(), row.records(), String.format(Locale.ROOT, "%.1f", row.elapsed().toMillis() / 1000.0),
                String.format(Locale.ROOT, "%.0f", row.recordsPerSecond()),
                String.format(Locale.ROOT, "%.3f", row.recordsPerSecond() / consumer.recordsPerSecond()));
    }
}
