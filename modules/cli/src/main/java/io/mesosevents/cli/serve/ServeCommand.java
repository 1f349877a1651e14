package io.mesosevents.cli.serve;

import io.mesosevents.cli.Foreground;
import io.mesosevents.cli.config.ConfigFileOption;
import io.mesosevents.cli.config.InvalidSettingException;
import io.mesosevents.cli.config.KafkaClientOptions;
import io.mesosevents.ingestor.topics.TopicProvisioner;
import io.mesosevents.streams.app.DeadLetterTopic;
import io.mesosevents.streams.StreamsAppConfig;
import io.mesosevents.streams.rest.RestConfig;
import io.mesosevents.streams.rest.ViewsServer;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code mesos-events serve}: the views application and its interactive-query REST API, in the foreground. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
                "Materialises the views (tasks, apps, health, agents, frameworks, deployments) from the event topics with Kafka Streams "
                        + "and serves them over HTTP (/api/v1, /health, /ready, /metrics, /openapi.json), in the foreground.",
                "Start it again with the same settings and another --http-port to add an instance: instances share the stores "
                        + "and answer each other's queries."
        })
public final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigFileOption configFile;

    @Mixin
    private KafkaClientOptions kafka;

    @Option(names = "--schema-registry", required = true, paramLabel = "URL",
            description = "Schema registry URL(s), comma-separated. Env: MESOS_EVENTS_SCHEMA_REGISTRY.")
    private String schemaRegistry;

    @Option(names = "--http-host", defaultValue = RestConfig.DEFAULT_HOST,
            description = "Address the HTTP server listens on (default: ${DEFAULT-VALUE}).")
    private String httpHost;

    @Option(names = "--http-port", defaultValue = "" + RestConfig.DEFAULT_PORT,
            description = "Port of the HTTP server (default: ${DEFAULT-VALUE}).")
    private int httpPort;

    @Option(names = "--application-server", paramLabel = "HOST:PORT",
            description = "Where the other instances reach this one's HTTP server (default: this host's name and --http-port).")
    private String applicationServer;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "data/views",
            description = "Root of the local state stores; each instance keeps its own in DIR/instance-<http port>, "
                    + "so instances on one host may share it (default: ${DEFAULT-VALUE}).")
    private Path stateDir;

    @Option(names = "--application-id", defaultValue = StreamsAppConfig.DEFAULT_APPLICATION_ID,
            description = "Kafka Streams application id: the instances' consumer group and the prefix of their internal topics "
                    + "(default: ${DEFAULT-VALUE}).")
    private String applicationId;

    @Option(names = "--topic-prefix", defaultValue = "", description = "Prefix in front of every topic name (default: none).")
    private String topicPrefix;

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

    @Option(names = "--create-topics", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = "Create missing topics with their cleanup policies at start, so the views can start before the "
                    + "first ingest (default: ${DEFAULT-VALUE}).")
    private boolean createTopics;

    @Option(names = "--max-lag", paramLabel = "RECORDS", defaultValue = "" + RestConfig.DEFAULT_MAX_LAG,
            description = "How many records a standby copy may be behind to answer when the active owner cannot, for requests "
                    + "without maxLag (default: ${DEFAULT-VALUE}).")
    private long maxLag;

    @Override
    public Integer call() throws Exception {
        if (httpPort <= 0 || httpPort > 65535) {
            throw new InvalidSettingException("--http-port must be a port from 1 to 65535 (the other instances forward to it), not "
                    + httpPort);
        }
        requirePositive(finishedRetentionSeconds, "--finished-retention-seconds");
        requirePositive(historyRetentionSeconds, "--history-retention-seconds");
        if (standbyReplicas < 0) {
            throw new InvalidSettingException("--standby-replicas must not be negative");
        }
        if (maxLag < 0) {
            throw new InvalidSettingException("--max-lag must not be negative");
        }
        String server = applicationServer != null ? applicationServer : localHostName() + ":" + httpPort;
        StreamsAppConfig config;
        try {
            config = StreamsAppConfig.defaults()
                    .withApplicationId(applicationId)
                    .withBootstrapServers(kafka.bootstrapServers())
                    .withSchemaRegistryUrl(schemaRegistry)
                    .withTopicPrefix(topicPrefix)
                    .withStateDir(stateDir.resolve("instance-" + httpPort))
                    .withApplicationServer(server)
                    .withStandbyReplicas(standbyReplicas)
                    .withFinishedRetention(Duration.ofSeconds(finishedRetentionSeconds))
                    .withHistoryRetention(Duration.ofSeconds(historyRetentionSeconds))
                    .withKafkaProperties(passedThrough(kafka.clientProperties()));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(e.getMessage().replace("applicationServer", "--application-server"));
        }
        if (createTopics) {
            // Kafka Streams does not start over missing source topics; creating them also lets serve start before ingest.
            try (Admin admin = Admin.create(kafka.clientProperties())) {
                new TopicProvisioner(admin, kafka.bootstrapServers()).provision(topicPrefix, Optional.empty(), Optional.empty());
                DeadLetterTopic.ensure(admin, config.deadLetterTopic());
            }
        }
        RestConfig rest = RestConfig.defaults().withHost(httpHost).withPort(httpPort).withDefaultMaxLag(maxLag);
        ViewsServer views = ViewsServer.start(config, rest);
        Foreground.runUntilStopped("views server", views, () -> {
            spec.commandLine().getOut().printf("Serving the views of %s (application %s) as %s: interactive queries on http://%s:%d/api/v1%n",
                    kafka.bootstrapServers(), applicationId, server, httpHost, views.port());
            spec.commandLine().getOut().flush();
        });
        return 0;
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

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new InvalidSettingException("Cannot find this host's name (" + e.getMessage() + "); give --application-server HOST:PORT");
        }
    }

    private static void requirePositive(long seconds, String option) {
        if (seconds <= 0) {
            throw new InvalidSettingException(option + " must be positive");
        }
    }
}
