package io.mesosevents.bench;

import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.DevStackConfig;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.streams.StreamsAppConfig;
import io.mesosevents.streams.ViewsTopology;
import io.mesosevents.streams.app.DeadLetterTopic;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The views benchmark: the Kafka Streams views and their REST API on an embedded broker and schema
 * registry, next to Kafka Streams at its barest. Not a test: it asserts nothing; the {@code bench}
 * profile runs it at {@code verify} when {@code bench.suite} is {@code views}.
 *
 * <pre>
 * mvn -B -Pbench -pl modules/bench -am verify -DskipTests -Dbench.suite=views                                   # about 3 minutes
 * mvn -B -Pbench -pl modules/bench -am verify -DskipTests -Dbench.suite=views -Dbench.views.events=40000 \
 *     -Dbench.views.tasks=1000 -Dbench.views.restSeconds=3 -Dbench.views.restWarmUpSeconds=2                  # smoke, about 2 minutes
 * </pre>
 *
 * Knobs: the {@code bench.views.*} system properties of {@link ViewsBenchSettings}.
 * <ol>
 *   <li>Input: a generated cluster history ({@link ViewsHistoryGenerator}) written to
 *       {@code mesos.task-events}, {@code mesos.agent-events} and {@code marathon.events}, as the
 *       ingestor writes them, before anything is timed.</li>
 *   <li>Throughput ({@link ViewsThroughputMeasurement}): the views application ({@link ViewsAppChild}),
 *       then a bare {@code groupByKey().reduce()} over {@code mesos.task-events} ({@link BareReduceChild})
 *       with the same Kafka Streams settings, each with a fresh application id, timed from start until
 *       its group has committed the end of every topic it reads.</li>
 *   <li>REST latency ({@link RestLatencyMeasurement}): two serving instances of the measured views
 *       application; single-task GETs on instance A at a fixed rate, for keys A owns and keys B owns.</li>
 * </ol>
 * The broker and the registry run in this JVM, as does the REST load generator; every Kafka Streams
 * application and serving instance runs in a JVM of its own. All share the machine's cores.
 */
public final class ViewsBench {

    /** The topics are the contract's own names: the broker is this run's alone. */
    static final String TOPIC_PREFIX = "";

    private static final Logger LOG = LoggerFactory.getLogger(ViewsBench.class);
    private static final String VIEWS_APPLICATION_ID = "bench-views";
    private static final String BARE_APPLICATION_ID = "bench-bare-reduce";
    private static final String DEAD_LETTER_TOPIC = StreamsAppConfig.defaults().withTopicPrefix(TOPIC_PREFIX).deadLetterTopic();

    private ViewsBench() {
    }

    public static void main(String[] args) throws Exception {
        JulToSlf4j.install();
        // The generated classes that the input's records nest (Avro builds them by name).
        AvroClassTrust.install();
        ViewsBenchSettings settings = ViewsBenchSettings.fromSystemProperties();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Path stateRoot = Files.createTempDirectory("mesos-events-bench-views");
        LOG.info("Starting the broker and the schema registry");
        try (DevStack stack = DevStack.start(DevStackConfig.ephemeral())) {
            createTopics(stack, settings.partitions());
            ViewsInput input = writeInput(stack, settings);
            // Generous: even on a busy 2-core machine the views went at more than a thousand records/s.
            ViewsThroughputMeasurement throughput = new ViewsThroughputMeasurement(stack.bootstrapServers(),
                    Duration.ofSeconds(120 + input.total() / 500));

            List<String> viewsArgs = childArgs(stack, VIEWS_APPLICATION_ID, stateRoot.resolve("views"));
            ViewsThroughput views = throughput.measure("views", ViewsAppChild.class, viewsArgs, VIEWS_APPLICATION_ID,
                    ViewsTopology.build(ViewsChildConfig.from(viewsArgs.toArray(String[]::new))), input.total());
            long deadLetters = ViewsDeadLetters.count(stack.bootstrapServers(), DEAD_LETTER_TOPIC);

            List<String> bareArgs = childArgs(stack, BARE_APPLICATION_ID, stateRoot.resolve("bare"));
            StreamsAppConfig bareConfig = ViewsChildConfig.from(bareArgs.toArray(String[]::new));
            ViewsThroughput bare = throughput.measure("bare", BareReduceChild.class, bareArgs, BARE_APPLICATION_ID,
                    BareReduceTopology.build(Topic.MESOS_TASK_EVENTS.name(TOPIC_PREFIX), bareConfig.serdeConfig()),
                    input.of(Topic.MESOS_TASK_EVENTS));

            // Before the serving instances start, which only restore from what is there.
            ViewsWrites writes = ViewsWrites.measure(stack.bootstrapServers(), VIEWS_APPLICATION_ID, BARE_APPLICATION_ID);

            RestFigures rest = new RestLatencyMeasurement(settings,
                    childArgs(stack, VIEWS_APPLICATION_ID, stateRoot.resolve("serve"))).run(input.taskKeys());
            new ViewsResultTable(System.out).print(settings, loadBefore, input, views, bare, deadLetters, writes, rest);
        } finally {
            deleteRecursively(stateRoot);
        }
    }

    /** Every topic of the contract, with the suite's partitions, and the views' dead-letter topic, as {@code serve} creates them. */
    private static void createTopics(DevStack stack, int partitions) throws InterruptedException {
        new BenchTopics(stack.bootstrapServers(), partitions).provision(TOPIC_PREFIX, List.of());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            DeadLetterTopic.ensure(admin, DEAD_LETTER_TOPIC);
        }
    }

    private static ViewsInput writeInput(DevStack stack, ViewsBenchSettings settings) {
        LOG.info("Writing {} events of {} tasks, {} apps and {} agents", settings.events(), settings.tasks(), settings.apps(),
                settings.agents());
        long start = System.nanoTime();
        ViewsInput input;
        try (ViewsInputWriter writer = new ViewsInputWriter(stack.clientProperties(), TOPIC_PREFIX)) {
            input = new ViewsHistoryGenerator(settings, Instant.now(), writer).generate();
        }
        LOG.info("Wrote {} records in {} s: {}", input.total(), String.format("%.1f", (System.nanoTime() - start) / 1e9),
                input.records());
        return input;
    }

    private static List<String> childArgs(DevStack stack, String applicationId, Path stateDir) {
        return ViewsChildConfig.args(stack.bootstrapServers(), stack.schemaRegistryUrl(), applicationId, stateDir);
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete the state directories under {}: {}", root, e.getMessage());
        }
    }
}
