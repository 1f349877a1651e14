package io.mesosevents.devstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller), started from the
 * Kafka jars in this JVM. Storage is formatted on first start; a restart over the same data
 * directory keeps every topic and offset.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path logDir;
    private final boolean deleteOnClose;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path logDir, boolean deleteOnClose) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.logDir = logDir;
        this.deleteOnClose = deleteOnClose;
    }

    /** Formats storage if needed, starts the broker and returns once it accepts clients. */
    public static EmbeddedKafkaBroker start(KafkaBrokerConfig config) {
        boolean temporary = config.dataDir().isEmpty();
        Path logDir = config.dataDir().map(Path::toAbsolutePath).orElseGet(EmbeddedKafkaBroker::temporaryDirectory);
        int port = FreePorts.claim(config.host(), config.port(), "Kafka");
        int controllerPort = FreePorts.pick(config.host());
        Map<String, String> properties = brokerProperties(config, logDir, port, controllerPort);
        KafkaConfig kafkaConfig = new KafkaConfig(properties, false);
        formatIfNew(logDir, kafkaConfig);

        KafkaRaftServer server = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            // startup() leaves threads and open files behind when it fails half way.
            server.shutdown();
            server.awaitShutdown();
            if (temporary) {
                Directories.deleteRecursively(logDir);
            }
            throw new IllegalStateException("Kafka broker failed to start on " + config.host() + ":" + port + ": " + e.getMessage(), e);
        }
        String bootstrap = config.host() + ":" + port;
        LOG.info("Kafka broker (KRaft, node {}) ready on {} with data in {}", NODE_ID, bootstrap, logDir);
        return new EmbeddedKafkaBroker(server, bootstrap, logDir, temporary);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Kafka broker on {} stopped", bootstrapServers);
        if (deleteOnClose) {
            Directories.deleteRecursively(logDir);
        }
    }

    private static Map<String, String> brokerProperties(KafkaBrokerConfig config, Path logDir, int port, int controllerPort) {
        String host = config.host();
        Map<String, String> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + host + ":" + port + "," + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // A single node cannot hold more than one replica of the internal topics.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions than Kafka's default 50 keep start-up fast on a laptop.
        props.put("offsets.topic.num.partitions", "10");
        props.put("transaction.state.log.num.partitions", "10");
        // No reason to wait for more group members on a development broker.
        props.put("group.initial.rebalance.delay.ms", "0");
        props.putAll(config.overrides());
        return props;
    }

    private static void formatIfNew(Path logDir, KafkaConfig kafkaConfig) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(formatterOutput, true, StandardCharsets.UTF_8)) {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(out)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(kafkaConfig.metadataLogDir())
                    .setDirectories(kafkaConfig.logDirs())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + logDir + ": " + e.getMessage()
                    + System.lineSeparator() + formatterOutput.toString(StandardCharsets.UTF_8), e);
        }
        LOG.info("Formatted new Kafka storage in {}", logDir);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("mesos-events-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for Kafka", e);
        }
    }
}
