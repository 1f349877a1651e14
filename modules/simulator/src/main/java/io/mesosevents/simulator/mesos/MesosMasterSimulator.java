package io.mesosevents.simulator.mesos;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import org.apache.mesos.v1.master.Protos.Response.GetState;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * A Mesos master that serves the real Operator API ({@code POST /api/v1}: {@code SUBSCRIBE} as a
 * RecordIO stream in protobuf or JSON, {@code GET_STATE} and other reads) over a seeded,
 * deterministic cluster that changes at a set rate, with fault modes switchable while it runs,
 * also over HTTP (see {@link ControlApi}).
 *
 * <pre>{@code
 * try (MesosMasterSimulator master = MesosMasterSimulator.start(MesosSimulatorConfig.defaults().withPort(0))) {
 *     String url = master.url();   // http://127.0.0.1:<port>
 *     master.dropSubscriptions();  // every subscriber sees its connection break mid-record
 *     GetState truth = master.truth();
 * }
 * }</pre>
 */
public final class MesosMasterSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MesosMasterSimulator.class);
    /** A subscriber stalled on purpose must be cut off by its own watchdog, not by Jetty's 30 s default. */
    private static final long IDLE_TIMEOUT_MILLIS = Duration.ofHours(1).toMillis();

    private final MesosSimulatorConfig config;
    private final EventHub hub;
    private final Faults faults;
    private final Pacer pacer;
    private final String hostname;
    private final Javalin app;

    private MesosMasterSimulator(MesosSimulatorConfig config) {
        this.config = config;
        InetAddress address = resolve(config.host());
        this.hostname = address.isAnyLocalAddress() ? localHostname() : config.host();
        ClusterSimulation simulation = new ClusterSimulation(config);
        this.hub = new EventHub(simulation, config.heartbeatIntervalSeconds(), config.subscriberQueueLimit());
        this.faults = new Faults(hub);
        this.pacer = new Pacer(hub, config.rate(), config.maxEvents());
        OperatorApi operatorApi = new OperatorApi(hub, faults, new SubscriptionStreamer(hub, config.heartbeatIntervalSeconds()),
                hostname, address.isAnyLocalAddress() ? localAddress() : address, config.epoch());
        ControlApi controlApi = new ControlApi(faults, this::status);
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            // Streams are written straight to the servlet response, byte for byte as a master sends them.
            javalin.http.compressionStrategy = CompressionStrategy.NONE;
            operatorApi.install(javalin);
            controlApi.install(javalin);
        });
    }

    /** Builds the cluster, listens and starts making events. */
    public static MesosMasterSimulator start(MesosSimulatorConfig config) {
        MesosMasterSimulator simulator = new MesosMasterSimulator(config);
        simulator.app.start();
        for (Connector connector : simulator.app.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector abstractConnector) {
                abstractConnector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
            }
        }
        simulator.pacer.start();
        EventHub.Figures figures = simulator.hub.figures();
        LOG.info("Mesos master simulator listening on {}{} as master {}: seed {}, {} agents, {} frameworks, {} tasks, "
                        + "{} events/s{}, heartbeat every {} s", simulator.url(), OperatorApi.PATH, figures.masterId(),
                config.seed(), figures.activeAgents(), figures.registeredFrameworks(), figures.liveTasks(), config.rate(),
                config.maxEvents().isPresent() ? " up to " + config.maxEvents().getAsLong() + " events" : "",
                config.heartbeatIntervalSeconds());
        return simulator;
    }

    /** The master's base URL, {@code http://host:port}; the API is under {@code /api/v1}. */
    public String url() {
        String host = hostname.contains(":") ? "[" + hostname + "]" : hostname;
        return "http://" + host + ":" + port();
    }

    /** The port listened on (the chosen one when configured with 0). */
    public int port() {
        return app.port();
    }

    /** The current master id; {@link #restart()} changes it. */
    public String masterId() {
        return hub.figures().masterId();
    }

    /** The current truth, exactly what {@code GET_STATE} answers. */
    public GetState truth() {
        return hub.truth();
    }

    /** Events made so far; heartbeats are not counted. */
    public long eventsEmitted() {
        return hub.figures().eventsEmitted();
    }

    /** Waits until at least {@code count} events have been made; false if {@code timeout} passes first. */
    public boolean awaitEventsEmitted(long count, Duration timeout) throws InterruptedException {
        return hub.awaitEmitted(count, timeout);
    }

    /** Acts as a master that another one, at {@code leaderHostPort}, leads: 307; open subscriptions close. */
    public void followLeader(String leaderHostPort) {
        faults.setLeadership(LeaderState.following(leaderHostPort));
    }

    /** Acts as a master while no leader is elected: 503; open subscriptions close. */
    public void loseLeader() {
        faults.setLeadership(LeaderState.NO_LEADER);
    }

    /** Leads again after {@link #followLeader} or {@link #loseLeader}. */
    public void lead() {
        faults.setLeadership(LeaderState.LEADING);
    }

    /** Stops (or resumes) sending anything, heartbeats included, on every subscription, open or new. */
    public void setStalled(boolean stalled) {
        faults.setStalled(stalled);
    }

    /** Breaks every open subscription's connection after sending part of a record. */
    public void dropSubscriptions() {
        faults.dropSubscriptions();
    }

    /** Restarts the master: open subscriptions break, the master id changes, a few agents must reregister. */
    public void restart() {
        faults.restart();
    }

    /** Sends malformed input to every open subscription. */
    public void sendGarbage(GarbageKind kind) {
        faults.sendGarbage(kind);
    }

    public SimulatorStatus status() {
        EventHub.Figures figures = hub.figures();
        LeaderState leaderState = faults.leaderState();
        return new SimulatorStatus(url(), figures.masterId(), config.seed(), leaderState.leadership(),
                leaderState.leader(), figures.stalled(), figures.subscribers(), figures.eventsEmitted(),
                figures.liveTasks(), figures.activeAgents(), figures.registeredFrameworks(), faults.restarts());
    }

    /** Stops making events, breaks open subscriptions and stops listening. */
    @Override
    public void close() {
        try {
            pacer.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        hub.endAll(Outgoing.Ending.ABORT);
        app.stop();
        LOG.info("Mesos master simulator stopped after {} events", hub.figures().eventsEmitted());
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UncheckedIOException("Cannot resolve the host to listen on, " + host, e);
        }
    }

    private static InetAddress localAddress() {
        try {
            return InetAddress.getLocalHost();
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress();
        }
    }

    private static String localHostname() {
        InetAddress local = localAddress();
        return local instanceof Inet6Address ? local.getHostAddress() : local.getHostName();
    }
}
