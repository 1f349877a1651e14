package io.mesosevents.bench;

import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.DevStackConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;

/**
 * The end-to-end benchmark: starts an embedded broker and schema registry, runs the two
 * measurements below against them and prints a table. Not a test: it asserts nothing, and the
 * normal build only compiles it; the {@code bench} profile runs it at {@code verify}.
 *
 * <pre>
 * mvn -B -Pbench -pl modules/bench -am verify -DskipTests                          # full run
 * mvn -B -Pbench -pl modules/bench -am verify -DskipTests -Dbench.events=20000     # smoke, under a minute
 * </pre>
 * ({@code -am} builds the modules it depends on first; {@code -DskipTests} skips their tests.)
 *
 * Knobs (system properties; {@code _} digit groups allowed):
 * <ul>
 *   <li>{@code bench.events} (1_000_000): events the simulator makes for the stream measurement.</li>
 *   <li>{@code bench.rate} (50_000): events per second it makes them at; see {@link BenchSettings#DEFAULT_RATE}.</li>
 *   <li>{@code bench.snapshotTasks} (100_000) and {@code bench.snapshotAgents} (5_000): the
 *       cluster of the snapshot measurement.</li>
 *   <li>{@code bench.partitions} (3): partitions of every topic.</li>
 * </ul>
 *
 * <ol>
 *   <li>{@link StreamMeasurement}: records/s the ingestor commits for a protobuf event stream
 *       (one record per event), from its snapshot's commit to its last record's commit as seen in
 *       the brokers' last stable offsets; next to the source alone (simulator, HTTP, decoding) and
 *       to Kafka's ProducerPerformance with the same record count and average value size
 *       ({@code acks=all}, plain and with transactions as often as the ingestor's), as a ratio.</li>
 *   <li>{@link SnapshotMeasurement}: time from subscribing to the snapshot transaction committed
 *       for a {@code SUBSCRIBED} snapshot of {@code bench.snapshotTasks} tasks, and the ingestor
 *       JVM's peak heap meanwhile (every heap pool's peak since a reset, summed) and its heap
 *       retained after a full collection.</li>
 * </ol>
 * The broker and the simulated masters run in this JVM; every Kafka client (ingestor,
 * decode-only subscriber, ProducerPerformance) runs in a JVM of its own, so the ingestor's heap is
 * its own and every producer meets the broker on equal terms. On a machine with few cores they
 * all still share the CPU: the table says how many there were.
 */
public final class Bench {

    private static final Logger LOG = LoggerFactory.getLogger(Bench.class);

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        JulToSlf4j.install();
        BenchSettings settings = BenchSettings.fromSystemProperties();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        LOG.info("Starting the broker and the schema registry");
        try (DevStack stack = DevStack.start(DevStackConfig.ephemeral())) {
            BenchTopics topics = new BenchTopics(stack.bootstrapServers(), settings.partitions());
            StreamFigures stream = new StreamMeasurement(stack, topics, settings.events(), settings.rate()).run();
            SnapshotFigures snapshot = new SnapshotMeasurement(stack, topics, settings.snapshotTasks(), settings.snapshotAgents()).run();
            new ResultTable(System.out).print(settings, loadBefore, stream, snapshot);
        }
    }
}
