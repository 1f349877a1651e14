package io.mesosevents.cli.ingest;

import io.mesosevents.cli.Foreground;
import io.mesosevents.cli.config.ConfigFileOption;
import io.mesosevents.cli.config.KafkaClientOptions;
import io.mesosevents.ingestor.topics.TopicProvisioner;
import io.mesosevents.ingestor.IngestionReplica;
import io.mesosevents.ingestor.MarathonIngestionConfig;
import io.mesosevents.ingestor.MesosIngestionConfig;
import io.mesosevents.cli.config.InvalidSettingException;
import io.mesosevents.marathon.CallbackReceiverConfig;
import io.mesosevents.marathon.MarathonClientConfig;
import io.mesosevents.ingestor.http.IngestorHttpServer;
import io.mesosevents.client.BasicAuth;
import io.mesosevents.mesos.MesosClientConfig;
import io.mesosevents.mesos.MesosEncoding;
import io.mesosevents.client.TrustStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code mesos-events ingest}: a Mesos master's events into Kafka as Avro. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {
                "Subscribes to a Mesos master's Operator API and/or Marathon's event bus and writes every event to Kafka as Avro, in the foreground.",
                "Every (re)connect writes a full snapshot bracketed by markers, plus 'gone' records for entities that vanished meanwhile."
        })
public final class IngestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigFileOption configFile;

    @Mixin
    private KafkaClientOptions kafka;

    @Option(names = "--mesos", paramLabel = "URL[,URL…]|zk://HOST:PORT[,…]/PATH",
            description = "Mesos master URLs (tried in order; redirects to the leader are followed) or a ZooKeeper URL to find the leader. "
                    + "Give --mesos, --marathon or both. Env: MESOS_EVENTS_MESOS.")
    private String masters;

    @Option(names = "--marathon", paramLabel = "URL[,URL…]",
            description = "Marathon URLs (tried in order; a standby's redirect to the leader is followed). Env: MESOS_EVENTS_MARATHON.")
    private String marathons;

    @Option(names = "--marathon-principal", description = "Principal for HTTP basic authentication to Marathon.")
    private String marathonPrincipal;

    @Option(names = "--marathon-secret", description = "Secret for HTTP basic authentication to Marathon. Env: MESOS_EVENTS_MARATHON_SECRET.")
    private String marathonSecret;

    @Option(names = "--marathon-truststore", paramLabel = "FILE", description = "Trust store (PKCS12) for TLS to Marathon.")
    private Path marathonTrustStore;

    @Option(names = "--marathon-truststore-password", description = "Password of --marathon-truststore.")
    private String marathonTrustStorePassword;

    @Option(names = "--marathon-resync-seconds", defaultValue = "900",
            description = "Re-read Marathon's REST snapshot this often on a live session to repair drift; 0 turns it off (default: ${DEFAULT-VALUE}).")
    private long marathonResyncSeconds;

    @Option(names = "--marathon-callback-url", paramLabel = "URL",
            description = "Receive Marathon's events through the legacy HTTP callbacks (Marathon up to 1.4) instead of /v2/events: "
                    + "the URL Marathon posts to, registered at start and removed at stop.")
    private URI callbackUrl;

    @Option(names = "--marathon-callback-host", defaultValue = "0.0.0.0",
            description = "Address the callback receiver listens on (default: ${DEFAULT-VALUE}).")
    private String callbackHost;

    @Option(names = "--marathon-callback-port", defaultValue = "8091",
            description = "Port the callback receiver listens on (default: ${DEFAULT-VALUE}).")
    private int callbackPort;

    @Option(names = "--mesos-encoding", defaultValue = "protobuf",
            description = "Subscription encoding: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private MesosEncoding encoding;

    @Option(names = "--cluster",
            description = "Name of the source cluster, on every record and in every key (default: the leading master's --cluster flag, "
                    + "else the first master's host name). "
                    + "Letters, digits, '.', '_' and '-'.")
    private String cluster;

    @Option(names = "--schema-registry", required = true, paramLabel = "URL",
            description = "Schema registry URL(s), comma-separated. Env: MESOS_EVENTS_SCHEMA_REGISTRY.")
    private String schemaRegistry;

    @Option(names = "--topic-prefix", defaultValue = "", description = "Prefix in front of every topic name (default: none).")
    private String topicPrefix;

    @Option(names = "--create-topics", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = "Create missing topics with their cleanup policies at start (default: ${DEFAULT-VALUE}).")
    private boolean createTopics;

    @Option(names = "--mesos-principal", description = "Principal for HTTP basic authentication to the master.")
    private String principal;

    @Option(names = "--mesos-secret", description = "Secret for HTTP basic authentication. Env: MESOS_EVENTS_MESOS_SECRET.")
    private String secret;

    @Option(names = "--mesos-truststore", paramLabel = "FILE", description = "Trust store (PKCS12) for TLS to the master.")
    private Path trustStore;

    @Option(names = "--mesos-truststore-password", description = "Password of --mesos-truststore.")
    private String trustStorePassword;

    @Option(names = "--heartbeat-misses", defaultValue = "" + MesosClientConfig.DEFAULT_HEARTBEAT_MISSES,
            description = "Resubscribe after this many heartbeat intervals without a byte (default: ${DEFAULT-VALUE}).")
    private int heartbeatMisses;

    @Option(names = "--mesos-max-record-size", paramLabel = "BYTES",
            description = "Largest RecordIO record accepted (default: 512 MiB, enough for a 100,000-task snapshot).")
    private Integer maxRecordSize;

    @Option(names = "--http-host", defaultValue = "0.0.0.0",
            description = "Address of the /health, /ready and /metrics endpoints (default: ${DEFAULT-VALUE}).")
    private String httpHost;

    @Option(names = "--http-port", defaultValue = "8090",
            description = "Port of the /health, /ready and /metrics endpoints; 0 turns them off (default: ${DEFAULT-VALUE}).")
    private int httpPort;

    @Override
    public Integer call() throws Exception {
        // An empty value (MESOS_EVENTS_MARATHON= in a deployment's environment) means the source is not wanted.
        masters = blankAsAbsent(masters);
        marathons = blankAsAbsent(marathons);
        if (masters == null && marathons == null) {
            throw new InvalidSettingException("Nothing to ingest: give --mesos, --marathon or both");
        }
        Optional<MesosClientConfig> mesosConfig = Optional.ofNullable(masters).map(MesosClientConfig::parseMasters).map(this::mesosConfig);
        Optional<MarathonClientConfig> marathonConfig = Optional.ofNullable(marathons).map(MarathonClientConfig::parseMarathons)
                .map(this::marathonConfig);
        String clusterName = cluster != null ? cluster : mesosConfig.isPresent()
                ? ClusterNames.fromMaster(mesosConfig.get())
                : ClusterNames.fromMasters(marathonConfig.get().marathons());
        Map<String, Object> clientProperties = new HashMap<>(kafka.clientProperties());
        clientProperties.put("schema.registry.url", schemaRegistry);
        if (createTopics) {
            try (Admin admin = Admin.create(kafka.clientProperties())) {
                new TopicProvisioner(admin, kafka.bootstrapServers()).provision(topicPrefix, Optional.empty(), Optional.empty());
            }
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Every replica started with the same settings joins one election per source; the elected one ingests it.
        List<IngestionReplica> replicas = new ArrayList<>();
        mesosConfig.ifPresent(mesos -> replicas.add(IngestionReplica.start(new MesosIngestionConfig(clusterName, mesos,
                clientProperties, topicPrefix, MesosIngestionConfig.DEFAULT_KAFKA_TIMEOUT), Clock.systemUTC(), registry)));
        marathonConfig.ifPresent(marathon -> replicas.add(IngestionReplica.start(new MarathonIngestionConfig(clusterName, marathon,
                callbacks(), clientProperties, topicPrefix, MesosIngestionConfig.DEFAULT_KAFKA_TIMEOUT), Clock.systemUTC(), registry)));
        Optional<IngestorHttpServer> http = httpPort == 0 ? Optional.empty()
                : Optional.of(IngestorHttpServer.start(httpHost, httpPort, () -> replicas.stream().allMatch(IngestionReplica::ready), registry));
        Foreground.runUntilStopped("ingestor", () -> {
            http.ifPresent(IngestorHttpServer::close);
            replicas.forEach(IngestionReplica::close);
        }, () -> {
            String sources = masters == null
                    ? String.format("Marathon of cluster '%s' from %s", clusterName, marathons)
                    : String.format("Mesos cluster '%s' from %s%s", clusterName, masters, marathons == null ? "" : " and Marathon from " + marathons);
            spec.commandLine().getOut().printf("Ingesting %s into %s%s%n", sources, kafka.bootstrapServers(),
                    http.map(server -> "; health, readiness and metrics on port " + server.port()).orElse(""));
            spec.commandLine().getOut().flush();
        });
        return 0;
    }

    private Optional<CallbackReceiverConfig> callbacks() {
        return Optional.ofNullable(callbackUrl)
                .map(url -> CallbackReceiverConfig.listenOn(callbackHost, callbackPort).withCallbackUrl(url));
    }

    private MarathonClientConfig marathonConfig(List<URI> marathonUris) {
        MarathonClientConfig config = MarathonClientConfig.forMarathons(marathonUris)
                .withResyncInterval(Duration.ofSeconds(marathonResyncSeconds));
        if (marathonPrincipal != null) {
            config = config.withBasicAuth(new BasicAuth(marathonPrincipal, marathonSecret == null ? "" : marathonSecret));
        }
        if (marathonTrustStore != null) {
            config = config.withTrustStore(TrustStore.of(marathonTrustStore, marathonTrustStorePassword));
        }
        return config;
    }

    private MesosClientConfig mesosConfig(List<URI> masterUris) {
        MesosClientConfig config = MesosClientConfig.forMasters(masterUris)
                .withEncoding(encoding)
                .withHeartbeatMisses(heartbeatMisses);
        if (principal != null) {
            config = config.withBasicAuth(new BasicAuth(principal, secret == null ? "" : secret));
        }
        if (trustStore != null) {
            config = config.withTrustStore(TrustStore.of(trustStore, trustStorePassword));
        }
        if (maxRecordSize != null) {
            config = config.withMaxRecordSize(maxRecordSize);
        }
        return config;
    }

    private static String blankAsAbsent(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
