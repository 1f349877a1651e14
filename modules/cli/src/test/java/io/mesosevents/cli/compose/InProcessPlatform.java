package io.mesosevents.cli.compose;

import io.mesosevents.ingestor.IngestionReplica;
import io.mesosevents.ingestor.MarathonIngestionConfig;
import io.mesosevents.ingestor.MesosIngestionConfig;
import io.mesosevents.ingestor.topics.TopicProvisioner;
import io.mesosevents.marathon.MarathonClientConfig;
import io.mesosevents.mesos.MesosClientConfig;
import io.mesosevents.simulator.marathon.MarathonSimulator;
import io.mesosevents.simulator.marathon.MarathonSimulatorConfig;
import io.mesosevents.simulator.marathon.MesosSimulatorBackend;
import io.mesosevents.simulator.mesos.MesosMasterSimulator;
import io.mesosevents.simulator.mesos.MesosSimulatorConfig;
import io.mesosevents.streams.StreamsAppConfig;
import io.mesosevents.streams.app.DeadLetterTopic;
import io.mesosevents.streams.rest.RestConfig;
import io.mesosevents.streams.rest.ViewsServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the compose file runs as containers — the simulators, {@code ingest} of both, {@code serve} —
 * in this JVM, against a Kafka and a registry given by address, wired as {@code mesos-events demo}
 * wires them. The simulators stop changing the cluster after a few events, so what the views must
 * show is fixed.
 */
final class InProcessPlatform implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private MarathonSimulator marathon;
    private List<IngestionReplica> ingestors;
    private ViewsServer views;

    private InProcessPlatform() {
    }

    static InProcessPlatform start(String bootstrapServers, String registryUrl, String cluster, Path stateDir) throws Exception {
        InProcessPlatform platform = new InProcessPlatform();
        try {
            platform.run(bootstrapServers, registryUrl, cluster, stateDir);
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    private void run(String bootstrapServers, String registryUrl, String cluster, Path stateDir) throws Exception {
        int httpPort = freePort();
        StreamsAppConfig viewsConfig = StreamsAppConfig.defaults().withBootstrapServers(bootstrapServers)
                .withSchemaRegistryUrl(registryUrl).withStateDir(stateDir).withApplicationServer(HOST + ":" + httpPort)
                // One instance: a standby would have nowhere to run.
                .withStandbyReplicas(0);
        // As `topics create` and `serve` do before anything reads or writes.
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            new TopicProvisioner(admin, bootstrapServers).provision("", Optional.empty(), Optional.empty());
            DeadLetterTopic.ensure(admin, viewsConfig.deadLetterTopic());
        }
        MesosMasterSimulator mesos = push(MesosMasterSimulator.start(MesosSimulatorConfig.defaults().withHost(HOST).withPort(0)
                .withCluster(cluster).withAgents(5).withTasks(20).withRate(20).withMaxEvents(200)));
        marathon = push(MarathonSimulator.start(MarathonSimulatorConfig.defaults().withHost(HOST).withPort(0).withApps(6)
                .withInstances(2).withRate(20).withMaxEvents(100), MesosSimulatorBackend.connect(URI.create(mesos.url()))));
        Map<String, Object> clients = Map.of("bootstrap.servers", bootstrapServers, "schema.registry.url", registryUrl);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ingestors = List.of(
                push(IngestionReplica.start(new MesosIngestionConfig(cluster, MesosClientConfig.forMasters(List.of(URI.create(mesos.url()))),
                        clients, "", MesosIngestionConfig.DEFAULT_KAFKA_TIMEOUT), Clock.systemUTC(), metrics)),
                push(IngestionReplica.start(new MarathonIngestionConfig(cluster,
                        MarathonClientConfig.forMarathons(List.of(URI.create(marathon.url()))), Optional.empty(), clients, "",
                        MesosIngestionConfig.DEFAULT_KAFKA_TIMEOUT), Clock.systemUTC(), metrics)));
        views = push(ViewsServer.start(viewsConfig, RestConfig.defaults().withHost(HOST).withPort(httpPort)));
    }

    /** Whether both ingestors have committed a snapshot. */
    boolean ingested() {
        return ingestors.stream().allMatch(IngestionReplica::ready);
    }

    URI marathon() {
        return URI.create(marathon.url());
    }

    URI views() {
        return URI.create("http://" + HOST + ":" + views.port());
    }

    private <S extends AutoCloseable> S push(S service) {
        started.push(service);
        return service;
    }

    /** Stops what was started, newest first: what depends on another stops before it. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                // Keep closing the rest; the test's own assertions report what went wrong.
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
