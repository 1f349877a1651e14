package io.mesosevents.bench;

import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.DevStackConfig;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.registry.client.SchemaRegistryClient;
import io.mesosevents.replay.export.ExportFormat;
import io.mesosevents.replay.export.ExportResult;
import io.mesosevents.replay.export.ExportSettings;
import io.mesosevents.replay.export.Exporter;
import io.mesosevents.replay.export.OutputLayout;
import io.mesosevents.replay.export.ValueDecoder;
import io.mesosevents.replay.progress.Progress;
import io.mesosevents.replay.read.RangePlanner;
import io.mesosevents.replay.read.ReadPlan;
import io.mesosevents.replay.state.StateEntity;
import io.mesosevents.replay.state.StateReplay;
import io.mesosevents.streams.StreamsAppConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replay benchmark: {@code replay export} per format and {@code replay state --as-of} over a
 * generated cluster history, next to Kafka's consumer-perf-test reading the same topics in the same
 * run. Not a test: it asserts nothing; the {@code bench} profile runs it when {@code bench.suite} is
 * {@code replay}.
 *
 * <pre>
 * mvn -B -Pbench -pl modules/bench -am verify -DskipTests -Dbench.suite=replay                          # 1,000,000 events
 * mvn -B -Pbench -pl modules/bench -am verify -DskipTests -Dbench.suite=replay \
 *     -Dbench.replay.events=50000 -Dbench.replay.stateEvents=10000                                       # smoke
 * </pre>
 *
 * The log is the views suite's generated history ({@link ViewsHistoryGenerator}), written as the
 * ingestor writes it before anything is timed. Export runs in this JVM with one reader per core, to
 * files in a temporary directory deleted afterwards; the consumer-perf-test runs in a JVM of its own.
 * State folds a second, smaller log under its own topic prefix ({@code bench.replay.stateEvents}),
 * because it runs the views offline at a few hundred events/s; its rate is set beside the
 * consumer-perf-test of the big log, since the consumer's rate hardly depends on the log's length.
 */
public final class ReplayBench {

    static final String TOPIC_PREFIX = "";
    static final String STATE_PREFIX = "state-bench.";
    private static final Logger LOG = LoggerFactory.getLogger(ReplayBench.class);
    private static final List<Topic> EVENT_TOPICS = List.of(Topic.MESOS_TASK_EVENTS, Topic.MESOS_AGENT_EVENTS,
            Topic.MESOS_FRAMEWORK_EVENTS, Topic.MESOS_OTHER_EVENTS, Topic.MARATHON_EVENTS);

    /** One timed run: what it read, at what rate. */
    record Row(String name, long records, Duration elapsed, double recordsPerSecond) {
    }

    private ReplayBench() {
    }

    public static void main(String[] args) throws Exception {
        JulToSlf4j.install();
        AvroClassTrust.install();
        ReplayBenchSettings settings = ReplayBenchSettings.fromSystemProperties();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Path outRoot = Files.createTempDirectory("mesos-events-bench-replay");
        try (DevStack stack = DevStack.start(DevStackConfig.ephemeral())) {
            new BenchTopics(stack.bootstrapServers(), settings.partitions()).provision(TOPIC_PREFIX, List.of());
            long written = write(stack, TOPIC_PREFIX, settings.events(), settings.partitions());
            Instant end = Instant.now();
            List<String> topics = EVENT_TOPICS.stream().map(topic -> topic.name(TOPIC_PREFIX)).toList();

            ConsumerPerf.Result consumer = new ConsumerPerf(stack.bootstrapServers(), Duration.ofSeconds(120 + written / 2_000))
                    .run(topics.stream().map(name -> name.replace(".", "\\.")).collect(Collectors.joining("|")), written);
            Map<ExportFormat, Row> exports = new LinkedHashMap<>();
            for (ExportFormat format : ExportFormat.values()) {
                exports.put(format, export(stack, topics, end, format, outRoot.resolve(format.extension())));
                deleteRecursively(outRoot.resolve(format.extension()));
            }
            Optional<Row> state = Optional.empty();
            if (settings.stateEvents() > 0) {
                new BenchTopics(stack.bootstrapServers(), settings.partitions()).provision(STATE_PREFIX, List.of());
                write(stack, STATE_PREFIX, settings.stateEvents(), settings.partitions());
                state = Optional.of(state(stack, Instant.now()));
            }
            new ReplayResultTable(System.out).print(settings, loadBefore, written, consumer, exports, state);
        } finally {
            deleteRecursively(outRoot);
        }
    }

    private static long write(DevStack stack, String prefix, long events, int partitions) {
        ViewsBenchSettings history = ReplayBenchSettings.history(events, partitions);
        LOG.info("Writing {} events of {} tasks, {} apps and {} agents under the prefix '{}'", events, history.tasks(), history.apps(),
                history.agents(), prefix);
        try (ViewsInputWriter writer = new ViewsInputWriter(stack.clientProperties(), prefix)) {
            return new ViewsHistoryGenerator(history, Instant.now(), writer).generate().total();
        }
    }

    /** {@code replay export --from <epoch> --to <end> --format F} over every event topic, as the command wires it. */
    private static Row export(DevStack stack, List<String> topics, Instant end, ExportFormat format, Path out) {
        LOG.info("Exporting as {}", format.extension());
        Map<String, Object> consumerConfig = stack.clientProperties();
        long started = System.nanoTime();
        ReadPlan plan = new RangePlanner(consumerConfig).plan(topics, Optional.of(Instant.EPOCH), end);
        Map<String, Schema> readerSchemas = new LinkedHashMap<>();
        if (format == ExportFormat.CSV) {
            topics.forEach(name -> readerSchemas.put(name, Topic.byName(TOPIC_PREFIX, name).orElseThrow().valueSchema()));
        }
        ValueDecoder decoder = new ValueDecoder(SchemaRegistryClient.fromConfig(stack.clientProperties()), readerSchemas);
        ExportSettings exportSettings = new ExportSettings(consumerConfig, Instant.EPOCH, end, format,
                new OutputLayout(out, OutputLayout.PartitionBy.NONE), Runtime.getRuntime().availableProcessors());
        ExportResult result = new Exporter(exportSettings, decoder, name -> Topic.byName(TOPIC_PREFIX, name).orElseThrow().valueSchema())
                .run(plan, Progress.none());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new Row("export " + format.extension(), result.records(), elapsed, result.records() / (elapsed.toNanos() / 1e9));
    }

    /** {@code replay state --as-of <end> --entity apps} over the state log: the whole log folds whatever entity is printed. */
    private static Row state(DevStack stack, Instant asOf) {
        LOG.info("Replaying the state as of {}", asOf);
        StreamsAppConfig views = new StreamsAppConfig("bench-replay-state", stack.bootstrapServers(), stack.schemaRegistryUrl(),
                STATE_PREFIX, Path.of(System.getProperty("java.io.tmpdir")));
        long started = System.nanoTime();
        StateReplay.Result result = new StateReplay(views, stack.clientProperties()).run(StateReplay.Request.of(asOf, StateEntity.APPS));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new Row("state --as-of end", result.records(), elapsed, result.records() / (elapsed.toNanos() / 1e9));
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", root, e.getMessage());
        }
    }
}
