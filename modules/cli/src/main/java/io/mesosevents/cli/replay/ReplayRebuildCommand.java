package io.mesosevents.cli.replay;

import io.mesosevents.cli.config.ConfigFileOption;
import io.mesosevents.cli.config.InvalidSettingException;
import io.mesosevents.cli.config.KafkaClientOptions;
import io.mesosevents.ingestor.topics.TopicProvisioner;
import io.mesosevents.replay.progress.Progress;
import io.mesosevents.replay.progress.ProgressMode;
import io.mesosevents.replay.rebuild.Rebuild;
import io.mesosevents.replay.rebuild.RebuildResult;
import io.mesosevents.streams.StreamsAppConfig;
import io.mesosevents.streams.app.DeadLetterTopic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mesos-events replay rebuild}: the views rebuilt from the whole event log by a new application id, as a cut-over. */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = {
                "Rebuilds the views from the whole event log: runs the views application of 'serve' under a new --application-id, "
                        + "which Kafka Streams starts at the first retained event of every topic, reports progress until it has "
                        + "folded every event that was in the topics when it started, prints the records, time and events/s, and exits.",
                "It is a cut-over: the views write the same state.* and view.* topics whatever their application id, so the rebuild "
                        + "refuses to start while the application it replaces (--from-application-id) has running instances. "
                        + "Stop every 'serve', run the rebuild, then start 'serve --application-id NEW' with the same --state-dir and "
                        + "--http-port: it continues from the rebuilt stores (an instance elsewhere restores them from the new "
                        + "application's changelogs). Ctrl-C stops the rebuild cleanly; run it again with the same id to continue.",
                "Finished tasks and deployments older than --finished-retention-seconds before now are removed at once, as a live "
                        + "application would remove them."
        })
public final class ReplayRebuildCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigFileOption configFile;

    @Mixin
    private KafkaClientOptions kafka;

    @Option(names = "--schema-registry", required = true, paramLabel = "URL",
            description = "Schema registry URL(s), comma-separated. Env: MESOS_EVENTS_SCHEMA_REGISTRY.")
    private String schemaRegistry;

    @Option(names = "--application-id", required = true, paramLabel = "NEW",
            description = "Kafka Streams application id of the rebuilt views: a new consumer group and a new set of internal topics. "
                    + "Serve the result with 'serve --application-id NEW'.")
    private String applicationId;

    @Option(names = "--from-application-id", paramLabel = "OLD", defaultValue = StreamsAppConfig.DEFAULT_APPLICATION_ID,
            description = "The application the rebuild replaces; the rebuild refuses to start while its consumer group has "
                    + "active members (default: ${DEFAULT-VALUE}).")
    private String fromApplicationId;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "data/views",
            description = "Root of the local state stores, as for 'serve': the rebuilt stores go to DIR/instance-<http port> "
                    + "(default: ${DEFAULT-VALUE}).")
    private Path stateDir;

    @Option(names = "--http-port", defaultValue = "8080",
            description = "The --http-port of the 'serve' that takes over on this host; it only names the state directory, "
                    + "nothing listens on it (default: ${DEFAULT-VALUE}).")
    private int httpPort;

    @Option(names = "--topic-prefix", defaultValue = "", description = "Prefix in front of every topic name (default: none).")
    private String topicPrefix;

    @Option(names = "--standby-replicas", defaultValue = "" + StreamsAppConfig.DEFAULT_STANDBY_REPLICAS,
            description = "Warm copies of every store on other instances, as for 'serve' (default: ${DEFAULT-VALUE}).")
    private int standbyReplicas;

    @Option(names = "--finished-retention-seconds", defaultValue = "3600",
            description = "How long finished tasks and deployments stay in the views (default: ${DEFAULT-VALUE}).")
    private long finishedRetentionSeconds;

    @Option(names = "--history-retention-seconds", defaultValue = "604800",
            description = "How far back the history stores reach (default: ${DEFAULT-VALUE}, 7 days).")
    private long historyRetentionSeconds;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|bar|log|none",
            description = "bar: a progress bar on stderr; log: a log line every 10 s; auto: the bar on a terminal, else log lines "
                    + "(default: ${DEFAULT-VALUE}).")
    private ProgressMode progress;

    @Override
    public Integer call() throws Exception {
        StreamsAppConfig config = config();
        // The output topics must exist before Kafka Streams writes to them, as 'serve' makes sure at its start.
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicProvisioner(admin, kafka.bootstrapServers()).provision(topicPrefix, Optional.empty(), Optional.empty());
            DeadLetterTopic.ensure(admin, config.deadLetterTopic());
        }
        RebuildResult result;
        try (Rebuild rebuild = Rebuild.prepare(config, fromApplicationId)) {
            // Ctrl-C commits what is folded and leaves the group, so a second run with the same id continues from there.
            Thread stop = new Thread(rebuild::close, "rebuild-shutdown");
            Runtime.getRuntime().addShutdownHook(stop);
            try (Progress shown = progress.start("rebuild", rebuild.total(), spec.commandLine().getErr())) {
                result = rebuild.run(shown);
            }
            Runtime.getRuntime().removeShutdownHook(stop);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "Rebuilt the views as application %s: %d event records in %.1f s, %.0f events/s.%n",
                result.applicationId(), result.records(), result.elapsed().toMillis() / 1000.0, result.eventsPerSecond());
        stdout.printf("Serve them with: mesos-events serve --application-id %s --state-dir %s --http-port %d%n", applicationId,
                stateDir, httpPort);
        stdout.flush();
        return 0;
    }

    private StreamsAppConfig config() {
        if (httpPort <= 0 || httpPort > 65535) {
            throw new InvalidSettingException("--http-port must be a port from 1 to 65535, not " + httpPort);
        }
        if (standbyReplicas < 0) {
            throw new InvalidSettingException("--standby-replicas must not be negative");
        }
        if (finishedRetentionSeconds <= 0 || historyRetentionSeconds <= 0) {
            throw new InvalidSettingException("--finished-retention-seconds and --history-retention-seconds must be positive");
        }
        // The directory serve uses for the same port, so that serve finds the rebuilt stores there.
        return StreamsAppConfig.defaults()
                .withApplicationId(applicationId)
                .withBootstrapServers(kafka.bootstrapServers())
                .withSchemaRegistryUrl(schemaRegistry)
                .withTopicPrefix(topicPrefix)
                .withStateDir(stateDir.resolve("instance-" + httpPort))
                .withStandbyReplicas(standbyReplicas)
                .withFinishedRetention(Duration.ofSeconds(finishedRetentionSeconds))
                .withHistoryRetention(Duration.ofSeconds(historyRetentionSeconds))
                .withKafkaProperties(passedThrough(kafka.clientProperties()));
    }

    /** The Kafka client properties besides the bootstrap servers, which have their own setting. */
    private static Map<String, String> passedThrough(Map<String, Object> clientProperties) {
        Map<String, String> properties = new LinkedHashMap<>();
        clientProperties.forEach((key, value) -> {
            if (!key.equals("bootstrap.servers") && value != null) {
                properties.put(key, value.toString());
            }
        });
        return properties;
    }
}
