package io.mesosevents.cli.replay;

import io.mesosevents.cli.config.ConfigFileOption;
import io.mesosevents.cli.config.InvalidSettingException;
import io.mesosevents.cli.config.EventLogOptions;
import io.mesosevents.model.Topic;
import io.mesosevents.registry.client.SchemaRegistryClient;
import io.mesosevents.registry.client.SchemaRegistryClientConfig;
import io.mesosevents.replay.export.ExportFormat;
import io.mesosevents.replay.export.ExportResult;
import io.mesosevents.replay.export.ExportSettings;
import io.mesosevents.replay.export.Exporter;
import io.mesosevents.replay.export.OutputLayout;
import io.mesosevents.replay.export.ValueDecoder;
import io.mesosevents.replay.progress.Progress;
import io.mesosevents.replay.progress.ProgressMode;
import io.mesosevents.replay.read.RangePlanner;
import io.mesosevents.replay.read.ReadPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mesos-events replay export}: the events of a time range, from the topics to files for analytics tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {
                "Exports the events of a time range (Kafka record time, both ends inclusive) to Avro container files, JSON lines, "
                        + "CSV or Parquet under --out, one directory per topic and one file per Kafka partition "
                        + "(and per hour with --partition-by hour), readable by DuckDB, Spark and pandas.",
                "Partitions are read in parallel, each in offset order, so every entity's events keep their order; memory stays "
                        + "bounded whatever the range. Prints 'No events between …' and exits 0 when the range holds none."
        })
public final class ReplayExportCommand implements Callable<Integer> {

    /** The event topics, exported unless --topics says otherwise; ingest.dlq holds errors, not events, so it is asked for by name. */
    static final List<Topic> EVENT_TOPICS = List.of(Topic.MESOS_TASK_EVENTS, Topic.MESOS_AGENT_EVENTS, Topic.MESOS_FRAMEWORK_EVENTS,
            Topic.MESOS_OTHER_EVENTS, Topic.MARATHON_EVENTS);

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigFileOption configFile;

    @Mixin
    private EventLogOptions log;

    @Option(names = "--from", required = true, paramLabel = "TIME",
            description = "Start of the range, inclusive: ISO-8601 (2026-03-01T03:00:00Z) or epoch milliseconds.")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "TIME",
            description = "End of the range, inclusive: ISO-8601 or epoch milliseconds; not in the future.")
    private String to;

    @Option(names = "--topics", split = ",", paramLabel = "TOPIC[,…]",
            description = "Topics to export, without the prefix (default: mesos.task-events, mesos.agent-events, "
                    + "mesos.framework-events, mesos.other-events, marathon.events; ingest.dlq and the state.* and view.* "
                    + "topics only when named).")
    private List<String> topics;

    @Option(names = "--format", required = true, paramLabel = "avro|jsonl|csv|parquet",
            description = "avro: container files with the schema embedded; jsonl: one JSON object per line; csv: flattened, one "
                    + "directory per record type; parquet: one directory per record type.")
    private ExportFormat format;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Directory to write into; it must not exist or be empty.")
    private Path out;

    @Option(names = "--partition-by", defaultValue = "none", paramLabel = "none|hour",
            description = "hour: one hour=yyyy-MM-ddTHH directory (UTC) per hour of record time (default: ${DEFAULT-VALUE}).")
    private OutputLayout.PartitionBy partitionBy;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Partitions read at once, one consumer each (default: the number of processors).")
    private Integer parallelism;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|bar|log|none",
            description = "bar: a progress bar on stderr; log: a log line every 10 s; auto: the bar on a terminal, else log lines "
                    + "(default: ${DEFAULT-VALUE}).")
    private ProgressMode progress;

    @Override
    public Integer call() {
        Instant start = ReplayTimes.parse(from, "--from");
        Instant end = ReplayTimes.parse(to, "--to");
        int workers = parallelism != null ? parallelism : Runtime.getRuntime().availableProcessors();
        if (workers < 1) {
            throw new InvalidSettingException("--parallelism must be at least 1");
        }
        List<String> names = topicNames();
        Map<String, Object> consumerConfig = log.kafka().clientProperties();
        ReadPlan plan = new RangePlanner(consumerConfig).plan(names, Optional.of(start), end);
        PrintWriter stdout = spec.commandLine().getOut();
        if (plan.isEmpty()) {
            stdout.printf("No events between %s and %s in %s: nothing written.%n", start, end, String.join(", ", names));
            stdout.flush();
            return 0;
        }
        ExportSettings settings = new ExportSettings(consumerConfig, start, end, format, new OutputLayout(out, partitionBy), workers);
        Exporter exporter = new Exporter(settings, decoder(names), topic -> topicOf(topic).valueSchema());
        ExportResult result;
        try (Progress shown = progress.start("export", plan.records(), spec.commandLine().getErr())) {
            result = exporter.run(plan, shown);
        }
        stdout.printf(Locale.ROOT, "Exported %d records between %s and %s from %s to %s: %d files, %.0f records/s%n",
                result.records(), start, end, String.join(", ", names), out, result.files().size(), result.recordsPerSecond());
        stdout.flush();
        return 0;
    }

    /**
     * Values decode in their writer's schema, except for CSV: there they resolve to this version's schema of
     * the topic, so one header fits every record of a topic whatever schema versions the range holds.
     */
    private ValueDecoder decoder(List<String> names) {
        Map<String, Object> registryConfig = new HashMap<>(log.kafka().clientProperties());
        registryConfig.put(SchemaRegistryClientConfig.URL, log.schemaRegistry());
        Map<String, Schema> readerSchemas = new LinkedHashMap<>();
        if (format == ExportFormat.CSV) {
            names.forEach(name -> readerSchemas.put(name, topicOf(name).valueSchema()));
        }
        return new ValueDecoder(SchemaRegistryClient.fromConfig(registryConfig), readerSchemas);
    }

    private List<String> topicNames() {
        if (topics == null || topics.isEmpty()) {
            return EVENT_TOPICS.stream().map(topic -> topic.name(log.topicPrefix())).toList();
        }
        return topics.stream().map(String::strip).distinct().map(name -> Topic.byName(name)
                .orElseThrow(() -> new InvalidSettingException("--topics: " + name + " is not a topic of mesos-events; the topics are "
                        + Arrays.stream(Topic.values()).map(Topic::defaultName).collect(Collectors.joining(", "))))
                .name(log.topicPrefix())).toList();
    }

    private Topic topicOf(String name) {
        return Topic.byName(log.topicPrefix(), name).orElseThrow();
    }
}
