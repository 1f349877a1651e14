package io.mesosevents.simulator.marathon;

import io.mesosevents.simulator.SimRandom;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import io.mesosevents.simulator.Pacer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A Marathon that serves the real event bus ({@code GET /v2/events} as server-sent events, and
 * legacy HTTP callbacks through {@code /v2/eventSubscriptions}) and the REST reads its clients
 * need ({@code /v2/apps}, {@code /v2/deployments}, {@code /v2/pods}, {@code /v2/queue},
 * {@code /v2/leader}, {@code /v2/info}) and scaling an app ({@code PUT /v2/apps/{id}}, see
 * {@link AppScaleEndpoint}), over a seeded model of apps, groups, deployments, health
 * checks and pods that changes at a set rate; with fault modes switchable while it runs, also over
 * HTTP (see {@link ControlApi}).
 *
 * <p>Its tasks run on a {@link TaskBackend}: by default a small Mesos of its own, which keeps the
 * whole event sequence a function of the seed and knobs; or a running Mesos master simulator, so
 * that both describe one cluster. The simulator starts the backend and closes it.
 *
 * <pre>{@code
 * try (MarathonSimulator marathon = MarathonSimulator.start(MarathonSimulatorConfig.defaults().withPort(0))) {
 *     String events = marathon.url() + "/v2/events";
 *     marathon.setQuirks(StreamQuirk.real());   // frames as real Marathons bend them
 *     marathon.dropStreams();                   // every stream breaks mid-frame
 *     JsonNode apps = marathon.apps();          // what /v2/apps?embed=apps.tasks&… answers
 * }
 * }</pre>
 */
public final class MarathonSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MarathonSimulator.class);
    /** A stream whose client stopped reading must be cut off by the slow-consumer limit, not by Jetty's 30 s default. */
    private static final long IDLE_TIMEOUT_MILLIS = Duration.ofHours(1).toMillis();
    private static final Set<Embed> ALL_EMBEDS = EnumSet.allOf(Embed.class);

    private final MarathonSimulatorConfig config;
    private final TaskBackend backend;
    private final String backendName;
    private final ListenAddress listen;
    private final EventBus bus;
    private final Faults faults;
    private final Pacer pacer;
    private final MarathonRestApi restApi;
    private final Javalin server;

    private MarathonSimulator(MarathonSimulatorConfig config, SimRandom random, SimClock clock, TaskBackend backend,
                              String backendName) {
        this.config = config;
        this.backend = backend;
        this.backendName = backendName;
        this.listen = ListenAddress.of(config.host());
        SteppedBackend stepped = backend instanceof SteppedBackend s ? s : null;
        MarathonModel model = new MarathonModel(config, random, clock, backend, stepped);
        this.bus = new EventBus(model, config.slowConsumerLimit());
        this.faults = new Faults(bus);
        this.pacer = new Pacer("marathon", bus::generate, config.rate(), config.maxEvents());
        ObjectMapper mapper = new ObjectMapper();
        JsonResponses responses = new JsonResponses(mapper);
        EventStreamEndpoint events = new EventStreamEndpoint(bus, faults,
                new EventStreamWriter(config.keepAliveInterval(), faults::quirks), responses);
        AppScaleEndpoint scale = new AppScaleEndpoint(mapper, bus, responses);
        this.restApi = new MarathonRestApi(bus, faults, events, scale, responses, config, this::hostPort,
                backend.frameworkId(), backend.master());
        ControlApi controlApi = new ControlApi(mapper, faults, this::status, responses);
        this.server = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            // Streams are written straight to the servlet response, byte for byte as Marathon sends them.
            javalin.http.compressionStrategy = CompressionStrategy.NONE;
            restApi.install(javalin);
            controlApi.install(javalin);
        });
    }

    /** Builds the model on a Mesos of its own, listens and starts making events. */
    public static MarathonSimulator start(MarathonSimulatorConfig config) {
        SimRandom random = new SimRandom(config.seed());
        SimClock clock = new SimClock(config.epoch());
        // About four instances an agent, and never fewer than three agents, so that one can be lost.
        int agents = Math.max(3, (config.apps() * config.instances() + 3) / 4);
        InProcessMesos mesos = new InProcessMesos(random.split(), agents, clock::now);
        return start(new MarathonSimulator(config, random, clock, mesos, "in-process Mesos"));
    }

    /**
     * Builds the model with its tasks on {@code backend}, listens and starts making events. The
     * simulator starts the backend now and closes it on {@link #close()}. Unless the backend is
     * the simulator's own kind, its updates come when it sends them, so the event sequence
     * depends on timing as well as on the seed.
     */
    public static MarathonSimulator start(MarathonSimulatorConfig config, TaskBackend backend) {
        return start(new MarathonSimulator(config, new SimRandom(config.seed()), new SimClock(config.epoch()), backend,
                backend.getClass().getSimpleName()));
    }

    private static MarathonSimulator start(MarathonSimulator simulator) {
        try {
            simulator.server.start();
        } catch (RuntimeException e) {
            simulator.backend.close();
            simulator.faults.close();
            throw e;
        }
        for (Connector connector : simulator.server.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector abstractConnector) {
                abstractConnector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
            }
        }
        simulator.pacer.start();
        MarathonStatus status = simulator.status();
        LOG.info("Marathon simulator listening on {} (events at {}{}): seed {}, {} apps, {} instances, {} pods, "
                        + "{} events/s{}, tasks on {}", status.url(), status.url(), EventStreamEndpoint.PATH,
                status.seed(), status.apps(), status.instances(), status.pods(), simulator.config.rate(),
                simulator.config.maxEvents().isPresent() ? " up to " + simulator.config.maxEvents().getAsLong() + " events" : "",
                status.backend());
        return simulator;
    }

    /** The base URL, {@code http://host:port}; the API is under {@code /v2}. */
    public String url() {
        return "http://" + hostPort();
    }

    /** The port listened on (the chosen one when configured with 0). */
    public int port() {
        return server.port();
    }

    /** Events the model made so far; keep-alives and the events of real clients (attached, subscribed, …) are not counted. */
    public long eventsEmitted() {
        return bus.read(MarathonModel::emitted);
    }

    /** Waits until the model has made at least {@code count} events; false if {@code timeout} passes first. */
    public boolean awaitEventsEmitted(long count, Duration timeout) throws InterruptedException {
        return bus.awaitEmitted(count, timeout);
    }

    /**
     * The apps, exactly what {@code GET /v2/apps?embed=apps.tasks&embed=apps.deployments&embed=apps.counts
     * &embed=apps.readiness&embed=apps.lastTaskFailure} answers: {@code {"apps": […]}}.
     */
    public JsonNode apps() {
        return bus.read(model -> TruthJson.apps(model, ALL_EMBEDS));
    }

    /** The running deployments, exactly what {@code GET /v2/deployments} answers. */
    public JsonNode deployments() {
        return bus.read(TruthJson::deployments);
    }

    /** The pods, exactly what {@code GET /v2/pods} answers. */
    public JsonNode pods() {
        return bus.read(TruthJson::pods);
    }

    /** The launch queue, exactly what {@code GET /v2/queue} answers. */
    public JsonNode queue() {
        return bus.read(TruthJson::queue);
    }

    /** Every {@code /v2/events} connection still open, in the order they attached, then the last 100 that ended, latest first. */
    public List<StreamConnection> streams() {
        return bus.connections();
    }

    /** The callback URLs {@code GET /v2/eventSubscriptions} lists: real subscribers, then the model's simulated ones. */
    public List<String> callbackUrls() {
        return bus.callbackUrls();
    }

    /** Acts as a standby whose leader is {@code leaderHostPort}: {@code /v2/events} answers 302 to it; open streams close. */
    public void standby(String leaderHostPort) {
        faults.standby(leaderHostPort);
    }

    /** Loses leadership until {@link #lead()}: open streams close, everything answers 503. */
    public void loseLeadership() {
        faults.loseLeadership(null);
    }

    /** Loses leadership, then leads again after {@code regainAfter}. */
    public void loseLeadership(Duration regainAfter) {
        faults.loseLeadership(regainAfter);
    }

    /** Leads again after {@link #standby} or {@link #loseLeadership}. */
    public void lead() {
        faults.lead();
    }

    /** Breaks every open stream's connection in the middle of a frame. */
    public void dropStreams() {
        faults.dropStreams();
    }

    /**
     * Closes every open stream as Marathon closes a consumer that fell more than
     * {@code slowConsumerLimit} events behind (which it also does, for real, to clients that read too slowly).
     */
    public void closeSlowConsumers() {
        faults.closeSlowConsumers();
    }

    /** Switches one stream quirk on or off, from the next frame on. */
    public void setQuirk(StreamQuirk quirk, boolean on) {
        faults.setQuirk(quirk, on);
    }

    /** Switches on exactly these quirks, from the next frame on: {@code setQuirks(StreamQuirk.real())}, {@code setQuirks(Set.of())}. */
    public void setQuirks(Set<StreamQuirk> quirks) {
        faults.setQuirks(quirks);
    }

    public Set<StreamQuirk> quirks() {
        return faults.quirks();
    }

    /** What the simulator is doing, as {@code GET /simulator/status} answers. */
    public MarathonStatus status() {
        LeaderState leader = faults.leaderState();
        return bus.read(model -> {
            MarathonState state = model.state();
            return new MarathonStatus(url(), config.seed(), leader.mode(), restApi.leader().orElse(null), model.emitted(),
                    bus.clientEvents(), bus.openStreams(), bus.callbackUrls(),
                    faults.quirks().stream().map(StreamQuirk::wireName).sorted().toList(), state.listedApps().size(),
                    state.instanceCount(), state.deployments.size(), state.pods.size(), backend.frameworkId(),
                    backend.master(), backendName, model.emittedByType());
        });
    }

    /** Stops making events, closes open streams and callbacks, stops listening and closes the backend. */
    @Override
    public void close() {
        try {
            pacer.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        bus.close();
        faults.close();
        server.stop();
        backend.close();
        LOG.info("Marathon simulator stopped after {} events", eventsEmitted());
    }

    private String hostPort() {
        return listen.hostPort(server.port());
    }
}
