package io.mesosevents.cli.serve;

import io.mesosevents.cli.config.EventLogOptions;
import io.mesosevents.cli.config.InvalidSettingException;
import io.mesosevents.cli.config.KafkaClientOptions;
import io.mesosevents.cli.topics.PlatformTopics;
import io.mesosevents.streams.StreamsAppConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The settings of the views application that every command running it shares ({@code serve},
 * {@code replay rebuild}): where the event log is, the local stores and
 * the rules' retentions. The HTTP port names the state directory of an instance, so a rebuild and the
 * {@code serve} that takes over on one host find the same stores.
 */
public final class ViewsOptions {

    @Mixin
    private EventLogOptions log;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "data/views",
            description = "Root of the local state stores; each instance keeps its own in DIR/instance-<http port>, "
                    + "so instances on one host may share it (default: ${DEFAULT-VALUE}).")
    private Path stateDir;

    @Option(names = "--standby-replicas", defaultValue = "" + StreamsAppConfig.DEFAULT_STANDBY_REPLICAS,
            description = "Warm copies of every store on other instances, which take over and may answer queries when an "
                    + "instance goes away (default: ${DEFAULT-VALUE}).")
    private int standbyReplicas;

    @Option(names = "--finished-retention-seconds", defaultValue = "3600",
            description = "How long finished tasks and deployments stay in the views (default: ${DEFAULT-VALUE}).")
    private long finishedRetentionSeconds;

    @Option(names = "--history-retention-seconds", defaultValue = "604800",
            description = "How far back the history stores reach (default: ${DEFAULT-VALUE}, 7 days).")
    private long historyRetentionSeconds;

    public KafkaClientOptions kafka() {
        return log.kafka();
    }

    public Path stateDir() {
        return stateDir;
    }

    /** The views application {@code applicationId} of the instance on {@code httpPort}; a bad value is an error naming its flag. */
    public StreamsAppConfig config(String applicationId, int httpPort) {
        if (httpPort <= 0 || httpPort > 65535) {
            throw new InvalidSettingException("--http-port must be a port from 1 to 65535, not " + httpPort);
        }
        requirePositive(finishedRetentionSeconds, "--finished-retention-seconds");
        requirePositive(historyRetentionSeconds, "--history-retention-seconds");
        if (standbyReplicas < 0) {
            throw new InvalidSettingException("--standby-replicas must not be negative");
        }
        return StreamsAppConfig.defaults()
                .withApplicationId(applicationId)
                .withBootstrapServers(log.kafka().bootstrapServers())
                .withSchemaRegistryUrl(log.schemaRegistry())
                .withTopicPrefix(log.topicPrefix())
                .withStateDir(stateDir.resolve("instance-" + httpPort))
                .withStandbyReplicas(standbyReplicas)
                .withFinishedRetention(Duration.ofSeconds(finishedRetentionSeconds))
                .withHistoryRetention(Duration.ofSeconds(historyRetentionSeconds))
                .withKafkaProperties(log.kafka().passedThroughProperties());
    }

    /**
     * Creates the missing topics the views read and write ({@link PlatformTopics}): Kafka Streams
     * does not start over missing source topics, and its output topics must exist before it writes.
     */
    public void createTopics(StreamsAppConfig config) throws InterruptedException {
        try (Admin admin = Admin.create(log.kafka().clientProperties())) {
            PlatformTopics.create(admin, log.kafka().bootstrapServers(), config.topicPrefix(), Optional.empty(), Optional.empty());
        }
    }

    private static void requirePositive(long seconds, String option) {
        if (seconds <= 0) {
            throw new InvalidSettingException(option + " must be positive");
        }
    }
}
