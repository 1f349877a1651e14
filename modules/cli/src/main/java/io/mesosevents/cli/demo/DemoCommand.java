package io.mesosevents.cli.demo;

import io.mesosevents.cli.Foreground;
import io.mesosevents.cli.config.ConfigFileOption;
import io.mesosevents.cli.simulate.SimulatedClusterOptions;
import io.mesosevents.cli.topics.PlatformTopics;
import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.DevStackConfig;
import io.mesosevents.ingestor.IngestionReplica;
import io.mesosevents.ingestor.MarathonIngestionConfig;
import io.mesosevents.ingestor.MesosIngestionConfig;
import io.mesosevents.marathon.MarathonClientConfig;
import io.mesosevents.mesos.MesosClientConfig;
import io.mesosevents.simulator.marathon.MarathonSimulator;
import io.mesosevents.simulator.marathon.MesosSimulatorBackend;
import io.mesosevents.simulator.mesos.MesosMasterSimulator;
import io.mesosevents.streams.StreamsAppConfig;
import io.mesosevents.streams.rest.RestConfig;
import io.mesosevents.streams.rest.ViewsServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mesos-events demo}: the whole platform in one process on the embedded default — the
 * devstack, a simulated Mesos master and Marathon describing one cluster, the ingestor for both,
 * and the views with their API.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
                "Runs the whole platform in one process until Ctrl-C: an embedded Kafka broker and schema registry, "
                        + "a simulated Mesos master and Marathon describing one cluster, the ingestor for both, and the views with their REST API.",
                "With the same --data-dir a restart continues where it stopped."
        })
public final class DemoCommand implements Callable<Integer> {

    /** How long the demo waits for its parts to be ready before it says what is still starting. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigFileOption configFile;

    @Mixin
    private SimulatedClusterOptions simulation;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address every part binds to (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--data-dir", defaultValue = "data", description = "Kafka's data and the views' state (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--http-port", defaultValue = "8080", description = "Port of the REST API (default: ${DEFAULT-VALUE}).")
    private int httpPort;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka client port (default: ${DEFAULT-VALUE}).")
    private int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port (default: ${DEFAULT-VALUE}).")
    private int registryPort;

    @Option(names = "--cluster", defaultValue = "demo", description = "Name of the simulated cluster (default: ${DEFAULT-VALUE}).")
    private String cluster;

    @Option(names = "--rate", defaultValue = "5", description = "Changes per second of each simulator (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Override
    public Integer call() throws Exception {
        ServiceStack services = new ServiceStack();
        try {
            DevStack stack = services.push(DevStack.start(new DevStackConfig(host, kafkaPort, registryPort, Optional.of(dataDir))));
            Map<String, Object> kafka = Map.of("bootstrap.servers", stack.bootstrapServers(),
                    "schema.registry.url", stack.schemaRegistryUrl());
            StreamsAppConfig views = StreamsAppConfig.defaults().withBootstrapServers(stack.bootstrapServers())
                    .withSchemaRegistryUrl(stack.schemaRegistryUrl()).withStateDir(dataDir.resolve("views"))
                    .withApplicationServer(host + ":" + httpPort)
                    // One instance: a standby would have nowhere to run.
                    .withStandbyReplicas(0);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
                PlatformTopics.create(admin, stack.bootstrapServers(), views.topicPrefix(), Optional.empty(), Optional.empty());
            }
            MesosMasterSimulator mesos = services.push(MesosMasterSimulator.start(simulation.mesos(host, 0, rate, cluster)));
            MarathonSimulator marathon = services.push(MarathonSimulator.start(simulation.marathon(host, 0, rate),
                    MesosSimulatorBackend.connect(URI.create(mesos.url()))));
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            IngestionReplica mesosIngest = services.push(IngestionReplica.start(new MesosIngestionConfig(cluster,
                    MesosClientConfig.forMasters(List.of(URI.create(mesos.url()))), kafka, "",
                    MesosIngestionConfig.DEFAULT_KAFKA_TIMEOUT), Clock.systemUTC(), registry));
            IngestionReplica marathonIngest = services.push(IngestionReplica.start(new MarathonIngestionConfig(cluster,
                    MarathonClientConfig.forMarathons(List.of(URI.create(marathon.url()))), Optional.empty(), kafka, "",
                    MesosIngestionConfig.DEFAULT_KAFKA_TIMEOUT), Clock.systemUTC(), registry));
            ViewsServer server = services.push(ViewsServer.start(views, RestConfig.defaults().withHost(host).withPort(httpPort)));
            Foreground.runUntilStopped("demo", services, () -> announce(stack, mesos.url(), marathon.url(),
                    awaitReady(List.of(mesosIngest, marathonIngest), URI.create("http://" + host + ":" + server.port()))));
        } catch (RuntimeException | IOException e) {
            services.close();
            throw e;
        }
        return 0;
    }

    /**
     * Whether, within {@link #READY_TIMEOUT}, the ingestors wrote their snapshots and the views
     * answer with the simulated cluster's apps and tasks: what a newcomer opening the API expects to see.
     */
    private static boolean awaitReady(List<IngestionReplica> ingestors, URI api) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest apps = HttpRequest.newBuilder(api.resolve("/api/v1/apps?limit=1")).build();
        HttpRequest tasks = HttpRequest.newBuilder(api.resolve("/api/v1/tasks?limit=1")).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (ingestors.stream().allMatch(IngestionReplica::ready) && hasRows(http, apps)
                        && hasRows(http, tasks)) {
                    return true;
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static boolean hasRows(HttpClient http, HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && !response.body().contains("\"data\":[]");
        } catch (IOException e) {
            return false;
        }
    }

    private void announce(DevStack stack, String mesos, String marathon, boolean ready) {
        PrintWriter out = spec.commandLine().getOut();
        String api = "http://" + host + ":" + httpPort;
        out.println(ready ? "mesos-events demo is ready" : "mesos-events demo is still starting (see /ready)");
        out.println("  Dashboard:               " + api + "/");
        out.println("  REST API:                " + api + "/api/v1/apps  (OpenAPI: " + api + "/openapi.json)");
        out.println("  Schema registry:         " + stack.schemaRegistryUrl());
        out.println("  Kafka bootstrap servers: " + stack.bootstrapServers());
        out.println("  Simulated Mesos master:  " + mesos + "   Simulated Marathon: " + marathon);
        out.println("  Data directory:          " + dataDir.toAbsolutePath().normalize());
        out.println("Try:");
        out.println("  curl -s '" + api + "/api/v1/apps?status=RUNNING'");
        out.println("  curl -sN '" + api + "/api/v1/watch?types=app'");
        out.println("  kafka-console-consumer.sh --bootstrap-server " + stack.bootstrapServers()
                + " --topic state.apps --from-beginning --isolation-level read_committed --property print.key=true"
                + "   # Kafka's own CLI tools; values are Avro");
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
