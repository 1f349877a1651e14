package io.mesosevents.cli.ingest;

import io.mesosevents.cli.Foreground;
import io.mesosevents.cli.config.ConfigFileOption;
import io.mesosevents.cli.config.KafkaClientOptions;
import io.mesosevents.ingestor.topics.TopicProvisioner;
import io.mesosevents.ingestor.IngestionReplica;
import io.mesosevents.ingestor.MesosIngestionConfig;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code mesos-events ingest}: a Mesos master's events into Kafka as Avro. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {
                "Subscribes to a Mesos master's Operator API and writes every event to Kafka as Avro, in the foreground.",
                "Every (re)connect writes a full snapshot bracketed by markers, plus 'gone' records for entities that vanished meanwhile."
        })
public final class IngestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigFileOption configFile;

    @Mixin
    private KafkaClientOptions kafka;

    @Option(names = "--mesos", required = true, paramLabel = "URL[,URL…]|zk://HOST:PORT[,…]/PATH",
            description = "Mesos master URLs (tried in order; redirects to the leader are followed) or a ZooKeeper URL to find the leader. Env: MESOS_EVENTS_MESOS.")
    private String masters;

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
        List<URI> masterUris = MesosClientConfig.parseMasters(masters);
        MesosClientConfig mesosConfig = mesosConfig(masterUris);
        String clusterName = cluster != null ? cluster : ClusterNames.fromMaster(mesosConfig);
        Map<String, Object> clientProperties = new HashMap<>(kafka.clientProperties());
        clientProperties.put("schema.registry.url", schemaRegistry);
        if (createTopics) {
            try (Admin admin = Admin.create(kafka.clientProperties())) {
                new TopicProvisioner(admin, kafka.bootstrapServers()).provision(topicPrefix, Optional.empty(), Optional.empty());
            }
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Every replica started with the same settings joins one election; the elected one ingests.
        IngestionReplica replica = IngestionReplica.start(new MesosIngestionConfig(clusterName, mesosConfig,
                clientProperties, topicPrefix, MesosIngestionConfig.DEFAULT_KAFKA_TIMEOUT), Clock.systemUTC(), registry);
        Optional<IngestorHttpServer> http = httpPort == 0 ? Optional.empty()
                : Optional.of(IngestorHttpServer.start(httpHost, httpPort, replica::ready, registry));
        Foreground.runUntilStopped("ingestor", () -> {
            http.ifPresent(IngestorHttpServer::close);
            replica.close();
        }, () -> {
            spec.commandLine().getOut().printf("Ingesting Mesos cluster '%s' from %s into %s%s%n", clusterName, masters, kafka.bootstrapServers(),
                    http.map(server -> "; health, readiness and metrics on port " + server.port()).orElse(""));
            spec.commandLine().getOut().flush();
        });
        return 0;
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
}
