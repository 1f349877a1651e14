package io.mesosevents.cli.compose;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot be started here (no Docker engine), so its wiring is checked against the
 * executable itself: every mesos-events container's command and {@code MESOS_EVENTS_*} variables go
 * through the CLI's own parser, and every address one service uses must be where another listens.
 * The values checked are the file's defaults, i.e. what {@code docker compose --profile demo up} runs.
 */
class ComposeWiringTest {

    private static final String KAFKA = "kafka";
    private static final String REGISTRY = "schema-registry";
    private static final String SIMULATOR = "simulator";
    private static final Set<String> MESOS_EVENTS_SERVICES = Set.of("topics", "ingest", "serve-1", "serve-2", SIMULATOR);
    private static final Pattern LOCAL_URL_PORT = Pattern.compile("https?://localhost:(\\d+)");

    private static Path root;
    private static ComposeFile compose;
    private static Map<String, CliInvocation> invocations;

    @BeforeAll
    static void readTheDeployment() throws IOException {
        root = RepositoryRoot.locate();
        compose = ComposeFile.load(root.resolve("docker-compose.yml"), Map.of());
        invocations = new LinkedHashMap<>();
        for (String name : MESOS_EVENTS_SERVICES) {
            ComposeService service = compose.service(name);
            try {
                invocations.put(name, CliInvocation.parse(service.command(), service.containerEnvironment()));
            } catch (ParameterException e) {
                throw new AssertionError("Service " + name + " does not start: `mesos-events " + String.join(" ", service.command())
                        + "` with its environment is refused: " + e.getMessage(), e);
            }
        }
    }

    @Test
    void theDeploymentHasEveryService() {
        assertThat(compose.services().keySet())
                .containsExactlyInAnyOrder(KAFKA, REGISTRY, "topics", "ingest", "serve-1", "serve-2", SIMULATOR);
    }

    @Test
    void kafkaRunsInKraftModeOnTheKafkaVersionOfTheBuild() throws IOException {
        ComposeService kafka = compose.service(KAFKA);
        String kafkaVersion = PomValues.read(root.resolve("pom.xml")).element("kafka.version");
        assertThat(kafka.image()).contains("apache/kafka:" + kafkaVersion);
        assertThat(kafka.variable("KAFKA_PROCESS_ROLES").split(",")).contains("broker", "controller");
        assertThat(kafka.environment()).doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat(kafka.volumes()).as("Kafka's log dirs live on a volume")
                .anySatisfy(volume -> assertThat(volume.target()).isEqualTo(kafka.variable("KAFKA_LOG_DIRS")));
    }

    @Test
    void everyMesosEventsServiceRunsARealSubcommand() {
        invocations.forEach((name, invocation) -> assertThat(invocation.subcommand())
                .as("%s: every word of its command names a subcommand; settings come from the environment", name)
                .isNotEmpty()
                .isEqualTo(compose.service(name).command()));
    }

    @Test
    void everyMesosEventsVariableIsASettingOfItsSubcommand() {
        List<String> strays = new ArrayList<>();
        invocations.forEach((name, invocation) -> compose.service(name).environment().keySet().stream()
                .filter(variable -> variable.startsWith("MESOS_EVENTS_"))
                .filter(variable -> !invocation.reads(variable))
                .forEach(variable -> strays.add(name + ": " + variable + " is no setting of `" + String.join(" ", invocation.subcommand())
                        + "` (its settings: " + invocation.settingVariables() + ")")));
        assertThat(strays).isEmpty();
    }

    @Test
    void publishedPortsAreThePortsTheServicesAreSetToListenOn() {
        invocations.forEach((name, invocation) -> {
            ComposeService service = compose.service(name);
            Set<Integer> listening = invocation.portsSetBy(service.containerEnvironment());
            assertThat(containerPorts(service)).as("%s publishes the ports its variables set", name).isEqualTo(listening);
            if (!listening.isEmpty()) {
                assertThat(healthcheckPorts(service)).as("%s's health check asks a port it listens on", name)
                        .isNotEmpty().isSubsetOf(listening);
            }
        });
        ComposeService registry = compose.service(REGISTRY);
        assertThat(containerPorts(registry)).containsExactly(registryPort());
    }

    @Test
    void servicesListenBeyondTheirOwnLoopback() {
        invocations.forEach((name, invocation) -> {
            for (String option : List.of("--host", "--http-host")) {
                if (invocation.hasOption(option)) {
                    assertThat((String) invocation.value(option)).as("%s %s: other containers must reach it", name, option)
                            .isNotIn("127.0.0.1", "localhost", "::1");
                }
            }
        });
    }

    @Test
    void clientsUseKafkasInternalListenerAndTheRegistryService() {
        String internalListener = internalKafkaListener();
        assertThat(compose.service(REGISTRY).variable("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS"))
                .isEqualTo("PLAINTEXT://" + internalListener);
        String registryUrl = "http://" + REGISTRY + ":" + registryPort();
        invocations.forEach((name, invocation) -> {
            if (invocation.hasOption("--bootstrap-servers")) {
                assertThat(invocation.value("--bootstrap-servers")).as("%s's Kafka", name).isEqualTo(internalListener);
                assertThat(dependencyOn(name, KAFKA)).as("%s waits for Kafka", name).isPresent();
            }
            if (invocation.hasOption("--schema-registry")) {
                assertThat(invocation.value("--schema-registry")).as("%s's registry", name).isEqualTo(registryUrl);
                assertThat(dependencyOn(name, REGISTRY)).as("%s waits for the registry", name).isPresent();
            }
        });
    }

    @Test
    void everyViewsInstanceAnnouncesItsOwnServiceAndPortAndKeepsItsOwnStores() {
        Map<String, CliInvocation> views = invocations.entrySet().stream()
                .filter(entry -> entry.getValue().subcommand().equals(List.of("serve")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(views).as("two instances, to show forwarding between them").hasSizeGreaterThanOrEqualTo(2);
        Set<String> stateVolumes = new HashSet<>();
        views.forEach((name, serve) -> {
            assertThat(serve.value("--application-server")).as("%s's application server", name)
                    .isEqualTo(name + ":" + serve.value("--http-port"));
            String stateDir = serve.value("--state-dir").toString();
            VolumeMount state = compose.service(name).volumes().stream().filter(volume -> volume.target().equals(stateDir)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " keeps its stores in " + stateDir + ", which is on no volume"));
            assertThat(state.named()).as("%s's state volume is a named volume", name).isTrue();
            assertThat(stateVolumes.add(state.source())).as("%s's state volume %s is its own", name, state.source()).isTrue();
        });
        assertThat(views.values().stream().map(serve -> serve.value("--application-id")).distinct())
                .as("the instances form one application").hasSize(1);
    }

    @Test
    void ingestTopicsAndViewsAgreeOnTheTopics() {
        assertThat(invocations.values().stream().filter(invocation -> invocation.hasOption("--topic-prefix"))
                .map(invocation -> invocation.value("--topic-prefix")).distinct()).hasSize(1);
        assertThat(invocations.get("topics").subcommand()).isEqualTo(List.of("topics", "create"));
        for (String consumer : List.of("ingest", "serve-1", "serve-2")) {
            assertThat(dependencyOn(consumer, "topics")).as("%s starts after the topics exist", consumer)
                    .hasValueSatisfying(dependency -> assertThat(dependency.condition()).isEqualTo("service_completed_successfully"));
        }
    }

    @Test
    void dependenciesNameServicesAndWaitForTheirHealth() {
        compose.services().values().forEach(service -> service.dependsOn().forEach(dependency -> {
            ComposeService target = compose.services().get(dependency.service());
            assertThat(target).as("%s depends on %s, which is no service", service.name(), dependency.service()).isNotNull();
            assertThat(dependency.condition()).isIn("service_started", "service_healthy", "service_completed_successfully");
            if (dependency.condition().equals("service_healthy")) {
                assertThat(target.healthcheck()).as("%s waits for %s to be healthy, which has no health check", service.name(), target.name())
                        .isPresent();
            }
            if (!service.profiles().containsAll(target.profiles())) {
                assertThat(dependency.required()).as("%s must start without %s's profile %s", service.name(), target.name(), target.profiles())
                        .isFalse();
            }
        }));
        compose.services().values().forEach(service -> service.volumes().stream().filter(VolumeMount::named).forEach(volume ->
                assertThat(compose.volumes()).as("%s's volume %s is declared", service.name(), volume.source()).contains(volume.source())));
    }

    @Test
    void theSimulatorsRunOnlyInTheDemoProfileAndIngestReadsThemThere() {
        compose.services().values().forEach(service -> {
            boolean simulates = invocations.containsKey(service.name()) && invocations.get(service.name()).subcommand().get(0).equals("simulate");
            assertThat(service.profiles()).as("%s's profiles", service.name()).isEqualTo(simulates ? List.of("demo") : List.of());
        });
        CliInvocation simulator = invocations.get(SIMULATOR);
        CliInvocation ingest = invocations.get("ingest");
        assertThat(ingest.value("--mesos")).isEqualTo("http://" + SIMULATOR + ":" + simulator.value("--mesos-port"));
        assertThat(ingest.value("--marathon")).isEqualTo("http://" + SIMULATOR + ":" + simulator.value("--marathon-port"));
        assertThat(dependencyOn("ingest", SIMULATOR)).hasValueSatisfying(dependency -> {
            assertThat(dependency.condition()).isEqualTo("service_healthy");
            assertThat(dependency.required()).isFalse();
        });
    }

    @Test
    void theSourcesAreTheOperatorsToSetOutsideTheDemo() throws IOException {
        ComposeFile realCluster = ComposeFile.load(root.resolve("docker-compose.yml"),
                Map.of("MESOS_MASTER_URL", "http://master.example:5050", "MARATHON_URL", "http://marathon.example:8080"));
        ComposeService ingest = realCluster.service("ingest");
        CliInvocation invocation = CliInvocation.parse(ingest.command(), ingest.containerEnvironment());
        assertThat(invocation.value("--mesos")).isEqualTo("http://master.example:5050");
        assertThat(invocation.value("--marathon")).isEqualTo("http://marathon.example:8080");
        assertThat(compose.service("ingest").environment().get("MESOS_EVENTS_CLUSTER"))
                .as("the cluster name is passed on from the operator's environment, else read from the master").isEmpty();
    }

    @Test
    void everyMesosEventsServiceRunsTheImageTheDockerfileBuilds() {
        Set<String> images = new TreeSet<>();
        for (String name : MESOS_EVENTS_SERVICES) {
            ComposeService service = compose.service(name);
            assertThat(service.build()).as("%s builds the image", name).hasValueSatisfying(build -> {
                assertThat(build.context()).isEqualTo(root);
                assertThat(build.dockerfile()).isEqualTo(root.resolve("Dockerfile")).isRegularFile();
            });
            images.add(service.image().orElseThrow(() -> new AssertionError(name + " names no image")));
        }
        assertThat(images).as("one image for all of them").hasSize(1);
    }

    @Test
    void theDockerfileBuildsTheJarItsEntrypointRuns() throws IOException {
        Dockerfile dockerfile = Dockerfile.read(root.resolve("Dockerfile"));
        Dockerfile.Stage runtime = dockerfile.finalStage();
        String copy = runtime.arguments("COPY").stream().filter(arguments -> arguments.startsWith("--from=")).findFirst()
                .orElseThrow(() -> new AssertionError("The final stage copies nothing from the build stage"));
        String[] words = copy.split("\\s+");
        Dockerfile.Stage build = dockerfile.stage(words[0].substring("--from=".length()));
        String jarName = PomValues.read(root.resolve("modules/cli/pom.xml")).element("finalName") + ".jar";

        assertThat(build.arguments("COPY")).as("the build stage copies the sources").anySatisfy(arguments ->
                assertThat(arguments.split("\\s+")[0]).isEqualTo("."));
        assertThat(build.arguments("RUN")).as("the build stage packages the CLI module with the modules it needs").anySatisfy(run ->
                assertThat(run).contains("mvn").contains(" package").contains("-pl modules/cli").contains("-am"));
        assertThat(Path.of(build.workdir()).resolve(words[1]).normalize())
                .isEqualTo(Path.of(build.workdir()).resolve("modules/cli/target/" + jarName));
        String jarInImage = words[2];
        assertThat(String.join(" ", runtime.arguments("ENTRYPOINT"))).contains("java").contains("-jar " + jarInImage);
        assertThat(runtime.arguments("USER")).as("runs as an unprivileged user").isNotEmpty()
                .allSatisfy(user -> assertThat(user).isNotIn("root", "0", "0:0"));

        String release = PomValues.read(root.resolve("pom.xml")).element("maven.compiler.release");
        assertThat(build.image()).startsWith("maven:").contains("temurin-" + release);
        assertThat(runtime.image()).startsWith("eclipse-temurin:" + release + "-jre");
    }

    @Test
    void longRunningServicesRestartAndReportTheirHealth() {
        compose.services().values().forEach(service -> {
            assertThat(service.restart()).as("%s's restart policy", service.name()).isPresent();
            if (!service.restart().get().equals("no")) {
                assertThat(service.restart().get()).isIn("always", "unless-stopped", "on-failure");
                assertThat(service.healthcheck()).as("%s's health check", service.name()).isPresent();
            }
        });
        assertThat(compose.service("topics").restart()).as("topics is a job that runs once").contains("no");
    }

    @Test
    void healthChecksUseAToolTheImageIsCheckedToHave() throws IOException {
        String runtimeRuns = String.join("\n", Dockerfile.read(root.resolve("Dockerfile")).finalStage().arguments("RUN"));
        for (String name : MESOS_EVENTS_SERVICES) {
            Optional<String> healthcheck = compose.service(name).healthcheck();
            if (healthcheck.isEmpty()) {
                continue;
            }
            String tool = healthcheck.get().replaceFirst("^CMD(-SHELL)? ", "").split("\\s+")[0];
            assertThat(runtimeRuns).as("%s's health check runs %s, which the image build must check for or install", name, tool)
                    .containsAnyOf("command -v " + tool, "install -y --no-install-recommends " + tool, "apt-get install -y " + tool);
        }
    }

    @Test
    void theBuildContextLeavesOutOutputAndHistoryButNotTheSources() throws IOException {
        List<String> ignored = Files.readAllLines(root.resolve(".dockerignore")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(ignored).contains(".git", "data").containsAnyOf("**/target", "target");
        assertThat(ignored).doesNotContain("pom.xml", "modules", "schemas", ".mvn", "*", "**");
    }

    private static Optional<Dependency> dependencyOn(String service, String target) {
        return compose.service(service).dependsOn().stream().filter(dependency -> dependency.service().equals(target)).findFirst();
    }

    private static Set<Integer> containerPorts(ComposeService service) {
        return service.ports().stream().map(PortMapping::containerPort).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Integer> healthcheckPorts(ComposeService service) {
        Set<Integer> ports = new TreeSet<>();
        Matcher matcher = LOCAL_URL_PORT.matcher(service.healthcheck().orElse(""));
        while (matcher.find()) {
            ports.add(Integer.parseInt(matcher.group(1)));
        }
        return ports;
    }

    /** host:port of the listener Kafka advertises to the other containers: the inter-broker one, on the kafka service. */
    private static String internalKafkaListener() {
        ComposeService kafka = compose.service(KAFKA);
        String advertised = ComposeInfrastructure.of(compose).kafkaInternalListener();
        String bound = ComposeInfrastructure.listener(kafka.variable("KAFKA_LISTENERS"), kafka.variable("KAFKA_INTER_BROKER_LISTENER_NAME"));
        assertThat(advertised).as("the internal listener is advertised under the service's name").startsWith(KAFKA + ":");
        assertThat(ComposeInfrastructure.port(advertised)).as("the internal listener is advertised on the port it binds")
                .isEqualTo(ComposeInfrastructure.port(bound));
        return advertised;
    }

    private static int registryPort() {
        return ComposeInfrastructure.of(compose).registryPort();
    }
}
