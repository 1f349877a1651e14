package io.mesosevents.simulator.mesos;

import org.apache.mesos.v1.master.Protos.Response.GetState;

import java.time.Duration;

/**
 * A Mesos master that serves the real Operator API ({@code POST /api/v1}: {@code SUBSCRIBE} as a
 * RecordIO stream in protobuf or JSON, {@code GET_STATE} and other reads) over a seeded,
 * deterministic cluster that changes at a set rate, with fault modes switchable while it runs,
 * also over HTTP (see {@link ControlApi}), and an external scheduler able to take its Marathon
 * framework over (see {@link SchedulerApi}). It is the one-master case of a {@link SimulatedMesosCluster};
 * {@link #startCluster} starts several masters of one cluster, for failovers between them.
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

    private final SimulatedMesosCluster cluster;
    private final MasterFrontEnd master;

    private MesosMasterSimulator(SimulatedMesosCluster cluster) {
        this.cluster = cluster;
        this.master = cluster.master(0);
    }

    /** Builds the cluster, listens and starts making events. */
    public static MesosMasterSimulator start(MesosSimulatorConfig config) {
        return new MesosMasterSimulator(SimulatedMesosCluster.start(config, 1));
    }

    /**
     * Builds one cluster served by {@code masters} masters, the first leading and the others
     * redirecting to it; master {@code i} listens on the configured port plus {@code i}, or each on
     * a free port when it is 0.
     */
    public static SimulatedMesosCluster startCluster(MesosSimulatorConfig config, int masters) {
        return SimulatedMesosCluster.start(config, masters);
    }

    /** The master's base URL, {@code http://host:port}; the API is under {@code /api/v1}. */
    public String url() {
        return master.url();
    }

    /** The port listened on (the chosen one when configured with 0). */
    public int port() {
        return master.port();
    }

    /** The current master id; {@link #restart()} changes it. */
    public String masterId() {
        return cluster.masterId();
    }

    /** The current truth, exactly what {@code GET_STATE} answers. */
    public GetState truth() {
        return cluster.truth();
    }

    /** Events made so far; heartbeats are not counted. */
    public long eventsEmitted() {
        return cluster.eventsEmitted();
    }

    /** Waits until at least {@code count} events have been made; false if {@code timeout} passes first. */
    public boolean awaitEventsEmitted(long count, Duration timeout) throws InterruptedException {
        return cluster.awaitEventsEmitted(count, timeout);
    }

    /** Acts as a master that another one, at {@code leaderHostPort}, leads: 307; open subscriptions close. */
    public void followLeader(String leaderHostPort) {
        cluster.followLeader(leaderHostPort);
    }

    /** Acts as a master while no leader is elected: 503; open subscriptions close. */
    public void loseLeader() {
        cluster.loseLeader();
    }

    /** Leads again after {@link #followLeader} or {@link #loseLeader}. */
    public void lead() {
        cluster.lead();
    }

    /** Stops (or resumes) sending anything, heartbeats included, on every subscription, open or new. */
    public void setStalled(boolean stalled) {
        cluster.setStalled(stalled);
    }

    /** Breaks every open subscription's connection after sending part of a record. */
    public void dropSubscriptions() {
        cluster.dropSubscriptions();
    }

    /** Restarts the master: open subscriptions break, the master id changes, a few agents must reregister. */
    public void restart() {
        cluster.restart();
    }

    /** Sends malformed input to every open subscription. */
    public void sendGarbage(GarbageKind kind) {
        cluster.sendGarbage(kind);
    }

    /** An external scheduler takes the framework over; see {@link SimulatedMesosCluster#takeOverScheduler}. */
    public SchedulerTakeover takeOverScheduler(String framework) {
        return cluster.takeOverScheduler(framework);
    }

    /** Launches a task for an external scheduler; see {@link SimulatedMesosCluster#launchTask}. */
    public LaunchedTask launchTask(String framework, LaunchRequest launch) {
        return cluster.launchTask(framework, launch);
    }

    /** Kills a task an external scheduler launched; see {@link SimulatedMesosCluster#killTask}. */
    public KillOutcome killTask(String framework, String taskId) {
        return cluster.killTask(framework, taskId);
    }

    public SimulatorStatus status() {
        return master.status();
    }

    /** Stops making events, breaks open subscriptions and stops listening. */
    @Override
    public void close() {
        cluster.close();
    }
}
