package io.mesosevents.bench;

import io.mesosevents.simulator.mesos.MesosSimulatorConfig;
import org.apache.kafka.common.utils.AppInfoParser;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/** Prints the figures of a run as a plain-text table. */
final class ResultTable {

    private static final String ROW = "  %-52s %12s %10s %14s%n";

    private final PrintStream out;

    ResultTable(PrintStream out) {
        this.out = out;
    }

    /** @param loadBefore the system load average before the run began */
    void print(BenchSettings settings, double loadBefore, StreamFigures stream, SnapshotFigures snapshot) {
        Runtime runtime = Runtime.getRuntime();
        out.println();
        out.println("mesos-events benchmark");
        out.printf(Locale.ROOT, "  machine: %d cores, %s %s (%s), ingestor JVM max heap %s%n", runtime.availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), System.getProperty("os.arch"),
                mebibytes(snapshot.heap().maxBytes()));
        // Every process on the machine shares its cores with the run: a load above the core count means the figures are low.
        out.printf(Locale.ROOT, "  system load average: %.2f before the run, %.2f after%n", loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.printf(Locale.ROOT, "  Kafka %s, one embedded KRaft broker, %d partitions per topic, acks=all; each client in a JVM of its own%n",
                AppInfoParser.getVersion(), settings.partitions());
        printStream(settings, stream);
        printSnapshot(snapshot);
    }

    private void printStream(BenchSettings settings, StreamFigures stream) {
        TopicAudit audit = stream.audit();
        out.println();
        out.printf(Locale.ROOT, "1. Protobuf event stream: %,d events made by the simulator (seed %d, %d agents, %d tasks)%n", settings.events(),
                MesosSimulatorConfig.DEFAULT_SEED, MesosSimulatorConfig.DEFAULT_AGENTS, MesosSimulatorConfig.DEFAULT_TASKS);
        out.printf(ROW, "stage", "records", "seconds", "records/s");
        row(String.format(Locale.ROOT, "simulator making events (paced at %,d/s)", settings.rate()), stream.made());
        row("source only: simulator > HTTP > RecordIO/protobuf", stream.source());
        row("ingestor: snapshot commit > last record committed", stream.ingested());
        perfRow("ProducerPerformance acks=all", stream.plain());
        perfRow("ProducerPerformance acks=all, transactions / 100 ms", stream.transactional());
        out.printf(Locale.ROOT, "  ratio ingestor / ProducerPerformance: %.2f (plain), %.2f (transactional)%n",
                stream.ingested().perSecond() / stream.plain().recordsPerSecond(),
                stream.ingested().perSecond() / stream.transactional().recordsPerSecond());
        out.printf(Locale.ROOT, "  records: average value %.1f B (ProducerPerformance sends values of %d B and no key; ingestor keys average %.1f B)%n",
                audit.averageDeltaValueBytes(), Math.round(audit.averageDeltaValueBytes()), audit.averageDeltaKeyBytes());
        out.printf(Locale.ROOT, "  streamed %,d of %,d events (any made before the subscription are in its snapshot instead); "
                        + "ingestor sessions %d, source-only sessions %d%n",
                audit.deltas(), settings.events(), audit.sessions().size(), stream.sourceSessions());
        out.printf(Locale.ROOT, "  ingestor JVM heap: peak %s, retained after GC %s%n",
                mebibytes(stream.ingestorHeap().peakBytes()), mebibytes(stream.ingestorHeap().retainedBytes()));
    }

    private void printSnapshot(SnapshotFigures snapshot) {
        out.println();
        out.printf(Locale.ROOT, "2. SUBSCRIBED snapshot: %,d live tasks on %,d agents, %,d entity records%n",
                snapshot.tasks(), snapshot.agents(), snapshot.snapshotRecords());
        out.printf(ROW, "stage", "", "seconds", "");
        secondsRow("simulator building the cluster (not ingestion)", snapshot.buildNanos());
        secondsRow("ingestor: subscribe > snapshot transaction committed", snapshot.ingestNanos());
        if (snapshot.afterDecodeNanos() >= 0) {
            secondsRow("  of which: subscribe > snapshot decoded", snapshot.ingestNanos() - snapshot.afterDecodeNanos());
            secondsRow("  of which: decoded > committed (ingestor's meter)", snapshot.afterDecodeNanos());
        }
        out.printf(Locale.ROOT, "  ingestor JVM heap: peak %s (heap pools' peaks summed, garbage included), retained after GC %s; sessions %d%n",
                mebibytes(snapshot.heap().peakBytes()), mebibytes(snapshot.heap().retainedBytes()), snapshot.sessions());
    }

    private void secondsRow(String stage, long nanos) {
        out.printf(Locale.ROOT, ROW, stage, "", String.format(Locale.ROOT, "%.2f", nanos / 1e9), "");
    }

    private void row(String stage, Throughput throughput) {
        out.printf(Locale.ROOT, ROW, stage, String.format(Locale.ROOT, "%,d", throughput.count()),
                String.format(Locale.ROOT, "%.2f", throughput.seconds()), String.format(Locale.ROOT, "%,.0f", throughput.perSecond()));
    }

    private void perfRow(String stage, PerfResult perf) {
        out.printf(Locale.ROOT, ROW, stage, String.format(Locale.ROOT, "%,d", perf.records()),
                String.format(Locale.ROOT, "%.2f", perf.records() / perf.recordsPerSecond()),
                String.format(Locale.ROOT, "%,.0f", perf.recordsPerSecond()));
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MiB", bytes / (1024.0 * 1024.0));
    }
}
