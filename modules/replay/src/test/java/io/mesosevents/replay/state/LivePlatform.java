package io.mesosevents.replay.state;

import io.mesosevents.devstack.DevStack;
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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;

/**
 * The live platform of one simulated cluster in this JVM, wired as {@code mesos-events demo} wires it,
 * on the embedded stack and under a topic prefix of its own: a Mesos master and a Marathon coupled to
 * it, the ingestor of each, and the views with their REST API.
 *
 * <p>The simulators make few events, slowly, so that the log has quiet gaps; their clocks start now,
 * so the tasks' and deployments' times lie within the run, far from the finished retention.
 */
final class LivePlatform implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final StreamsAppConfig views;
    private MesosMasterSimulator mesos;
    private MarathonSimulator marathon;
    private List<IngestionReplica> ingestors;
    private ViewsServer server;

    /** What the simulators do: how many events each makes, and at what rate. */
    record Run(long mesosEvents, double mesosRate, long marathonEvents, double marathonRate) {
    }

    private LivePlatform(StreamsAppConfig views) {
        this.views = views;
    }

    static LivePlatform start(DevStack stack, String prefix, String cluster, Path stateDir, Run run) throws Exception {
        int httpPort = freePort();
        StreamsAppConfig views = StreamsAppConfig.defaults().withApplicationId(prefix + "views")
                .withBootstrapServers(stack.bootstrapServers()).withSchemaRegistryUrl(stack.schemaRegistryUrl())
                .withTopicPrefix(prefix).withStateDir(stateDir).withApplicationServer(HOST + ":" + httpPort)
                // One instance: a standby would have nowhere to run.
                .withStandbyReplicas(0);
        LivePlatform platform = new LivePlatform(views);
        try {
            platform.run(stack, cluster, httpPort, run);
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    private void run(DevStack stack, String cluster, int httpPort, Run run) throws Exception {
        String prefix = views.topicPrefix();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            new TopicProvisioner(admin, stack.bootstrapServers()).provision(prefix, Optional.empty(), Optional.empty());
            DeadLetterTopic.ensure(admin, views.deadLetterTopic());
        }
        server = push(ViewsServer.start(views, RestConfig.defaults().withHost(HOST).withPort(httpPort)));
        // The views must fold the events as they come, as in production: a backlog folded at once is
        // coalesced and stamped differently in the history.
        awaitReady(Duration.ofSeconds(60));
        Instant epoch = Instant.now();
        mesos = push(MesosMasterSimulator.start(MesosSimulatorConfig.defaults().withHost(HOST).withPort(0)
                .withCluster(cluster).withAgents(4).withTasks(12).withEpoch(epoch).withRate(run.mesosRate())
                .withMaxEvents(run.mesosEvents())));
        marathon = push(MarathonSimulator.start(MarathonSimulatorConfig.defaults().withHost(HOST).withPort(0).withApps(5)
                .withInstances(2).withEpoch(epoch).withRate(run.marathonRate()).withMaxEvents(run.marathonEvents()),
                MesosSimulatorBackend.connect(URI.create(mesos.url()))));
        Map<String, Object> clients = Map.of("bootstrap.servers", stack.bootstrapServers(),
                "schema.registry.url", stack.schemaRegistryUrl());
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        ingestors = List.of(
                push(IngestionReplica.start(new MesosIngestionConfig(cluster, MesosClientConfig.forMasters(
                        List.of(URI.create(mesos.url()))), clients, prefix, MesosIngestionConfig.DEFAULT_KAFKA_TIMEOUT),
                        Clock.systemUTC(), metrics)),
                push(IngestionReplica.start(new MarathonIngestionConfig(cluster, MarathonClientConfig.forMarathons(
                        List.of(URI.create(marathon.url()))), Optional.empty(), clients, prefix,
                        MesosIngestionConfig.DEFAULT_KAFKA_TIMEOUT), Clock.systemUTC(), metrics)));
    }

    StreamsAppConfig views() {
        return views;
    }

    URI api() {
        return URI.create("http://" + HOST + ":" + server.port());
    }

    /** Waits until both ingestors have written their snapshots and both simulators have made all their events. */
    boolean awaitRunDone(Run run, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ingestors.stream().allMatch(IngestionReplica::ready) && mesos.eventsEmitted() >= run.mesosEvents()
                    && marathon.eventsEmitted() >= run.marathonEvents()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(api().resolve("/ready")).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The views were not ready within " + timeout);
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
