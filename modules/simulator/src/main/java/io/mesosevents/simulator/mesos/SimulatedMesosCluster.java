package io.mesosevents.simulator.mesos;

import org.apache.mesos.v1.Protos.Flag;
import org.apache.mesos.v1.master.Protos.Response.GetState;
import io.mesosevents.simulator.Pacer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Several Mesos masters of one simulated cluster, as a real HA setup runs them: each master listens
 * on its own port, they all describe the same cluster (one model, one event sequence), and exactly
 * one leads at a time while the others answer 307 with {@code Location: //<leader>/api/v1}.
 *
 * <p>{@link #failover(int)} elects another master: the old leader's subscriptions close (a real
 * master that loses leadership exits) and it redirects from then on; the new leader has a new
 * master id, and a subscriber gets a {@code SUBSCRIBED} snapshot of the cluster as it stands, the
 * event stream going on from there. Faults that act on streams act on the leader's, the only ones
 * open. Every master also serves the control endpoints ({@link ControlApi}, {@link SchedulerApi}); a
 * change made through any of them applies to the whole cluster.
 *
 * <pre>{@code
 * try (SimulatedMesosCluster cluster = MesosMasterSimulator.startCluster(MesosSimulatorConfig.defaults().withPort(0), 2)) {
 *     String leader = cluster.master(0).url();    // serves the API
 *     String standby = cluster.master(1).url();   // 307 to master 0
 *     cluster.failover(1);                        // now master 1 leads, master 0 redirects to it
 * }
 * }</pre>
 */
public final class SimulatedMesosCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedMesosCluster.class);

    private final MesosSimulatorConfig config;
    private final EventHub hub;
    private final Faults faults;
    private final Schedulers schedulers;
    private final Pacer pacer;
    private final List<MasterFrontEnd> masters;

    private SimulatedMesosCluster(MesosSimulatorConfig config, int count) {
        this.config = config;
        this.hub = new EventHub(new ClusterSimulation(config), config.heartbeatIntervalSeconds(), config.subscriberQueueLimit());
        this.faults = new Faults(hub, count);
        this.schedulers = new Schedulers(hub, this::electedHostPort);
        this.pacer = new Pacer("mesos", hub::generate, config.rate(), config.maxEvents());
        ListenAddress listen = ListenAddress.of(config.host());
        SubscriptionStreamer streamer = new SubscriptionStreamer(hub, config.heartbeatIntervalSeconds());
        SchedulerApi schedulerApi = new SchedulerApi(schedulers);
        List<MasterFrontEnd> frontEnds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            OperatorApi operatorApi = new OperatorApi(hub, () -> leaderStateOf(faults.election(), index), streamer,
                    listen.hostname(), listen.address(), config.epoch(), flags(config, listen.hostname()));
            frontEnds.add(new MasterFrontEnd(index, listen, config.port() == 0 ? 0 : config.port() + index, operatorApi,
                    new ControlApi(faults, () -> status(index)), schedulerApi, () -> status(index)));
        }
        this.masters = List.copyOf(frontEnds);
    }

    /** The flags a master started with these settings reports; {@code cluster} only when set, as on a real master. */
    private static List<Flag> flags(MesosSimulatorConfig config, String hostname) {
        List<Flag> flags = new ArrayList<>();
        if (!config.cluster().isEmpty()) {
            flags.add(flag("cluster", config.cluster()));
        }
        flags.add(flag("hostname", hostname));
        flags.add(flag("max_completed_frameworks", String.valueOf(config.maxCompletedFrameworks())));
        flags.add(flag("max_completed_tasks_per_framework", String.valueOf(config.maxCompletedTasksPerFramework())));
        return flags;
    }

    private static Flag flag(String name, String value) {
        return Flag.newBuilder().setName(name).setValue(value).build();
    }

    /**
     * Builds the cluster, makes every master listen (master {@code i} on the configured port plus
     * {@code i}, or each on a free port when it is 0) with the first leading, and starts making events.
     */
    static SimulatedMesosCluster start(MesosSimulatorConfig config, int masters) {
        if (masters < 1) {
            throw new IllegalArgumentException("A cluster needs at least one master, was " + masters);
        }
        if (config.port() != 0 && config.port() + masters - 1 > 65_535) {
            throw new IllegalArgumentException("Ports " + config.port() + " and up leave no room for " + masters + " masters");
        }
        SimulatedMesosCluster cluster = new SimulatedMesosCluster(config, masters);
        List<MasterFrontEnd> started = new ArrayList<>();
        try {
            for (MasterFrontEnd master : cluster.masters) {
                master.start();
                started.add(master);
            }
        } catch (RuntimeException e) {
            started.forEach(MasterFrontEnd::stop);
            throw e;
        }
        cluster.pacer.start();
        EventHub.Figures figures = cluster.hub.figures();
        LOG.info("Mesos master simulator listening on {} ({}{} leading) as master {}: seed {}, {} agents, "
                        + "{} frameworks, {} tasks, {} events/s{}, heartbeat every {} s",
                cluster.masters.stream().map(MasterFrontEnd::url).toList(), cluster.master(0).url(), OperatorApi.PATH,
                figures.masterId(), config.seed(), figures.activeAgents(), figures.registeredFrameworks(),
                figures.liveTasks(), config.rate(),
                config.maxEvents().isPresent() ? " up to " + config.maxEvents().getAsLong() + " events" : "",
                config.heartbeatIntervalSeconds());
        return cluster;
    }

    /** The master numbered {@code index}, from 0. */
    public MasterFrontEnd master(int index) {
        return masters.get(faults.requireFrontEnd(index));
    }

    /** Every master, by index. */
    public List<MasterFrontEnd> masters() {
        return masters;
    }

    /** The index of the master that leads; empty while none does ({@link #loseLeader}). */
    public OptionalInt leaderIndex() {
        return faults.election().leading();
    }

    /** The current master id; a restart or failover changes it. */
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

    /**
     * Elects master {@code index} (the leader itself too, which then comes back as a new master):
     * the old leader's subscriptions close and it redirects from now on; the new leader serves the
     * same cluster under a new master id, a few agents reregistering as after any failover.
     */
    public void failover(int index) {
        faults.failover(index);
    }

    /** No master leads, as while an election is going on: every master answers 503; open subscriptions close. */
    public void loseLeader() {
        faults.setLeadership(LeaderState.NO_LEADER);
    }

    /** The master elected last leads again after {@link #loseLeader}, with the same master id. */
    public void lead() {
        faults.setLeadership(LeaderState.LEADING);
    }

    /** Every master answers 307 to a master outside the cluster, at {@code leaderHostPort}; open subscriptions close. */
    void followLeader(String leaderHostPort) {
        faults.setLeadership(LeaderState.following(leaderHostPort));
    }

    /** Stops (or resumes) sending anything, heartbeats included, on every subscription, open or new. */
    public void setStalled(boolean stalled) {
        faults.setStalled(stalled);
    }

    /** Breaks every open subscription's connection after sending part of a record. */
    public void dropSubscriptions() {
        faults.dropSubscriptions();
    }

    /** Restarts the leader: open subscriptions break, the master id changes, a few agents must reregister. */
    public void restart() {
        faults.restart();
    }

    /** Sends malformed input to every open subscription. */
    public void sendGarbage(GarbageKind kind) {
        faults.sendGarbage(kind);
    }

    /**
     * An external scheduler (a simulated Marathon) takes the framework named {@code framework} over;
     * only {@code marathon} can be taken over. From then on the model launches nothing for it, the
     * tasks it had are killed ({@code TASK_KILLING}, {@code TASK_KILLED}), and its tasks are those
     * {@link #launchTask} launches. Taking it over again kills the tasks the scheduler had launched
     * before: a scheduler that takes over knows none of them.
     *
     * @throws SchedulerCallRefused when no such framework can be taken over
     */
    public SchedulerTakeover takeOverScheduler(String framework) {
        return schedulers.takeOver(framework);
    }

    /**
     * Launches a task for the external scheduler of {@code framework} on a live agent with the free
     * ports it needs: {@code TASK_ADDED} in {@code TASK_STAGING} now, its later states as the model
     * moves it on. It lives like any task: agents leave under it, it may fail, its health flaps.
     *
     * @throws SchedulerCallRefused when the framework is not taken over, the task id is known, or
     *                              no live agent has the ports
     */
    public LaunchedTask launchTask(String framework, LaunchRequest launch) {
        return schedulers.launch(framework, launch);
    }

    /**
     * Kills a live task the external scheduler of {@code framework} launched: {@code TASK_KILLING}
     * now, {@code TASK_KILLED} next; when its agent is away, once the agent is back.
     *
     * @throws SchedulerCallRefused when the framework is not taken over or the scheduler has no such live task
     */
    public KillOutcome killTask(String framework, String taskId) {
        return schedulers.kill(framework, taskId);
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
        masters.forEach(MasterFrontEnd::stop);
        LOG.info("Mesos master simulator stopped after {} events", hub.figures().eventsEmitted());
    }

    /** The master elected last: the one a scheduler registers with, even while it does not lead. */
    private String electedHostPort() {
        return masters.get(faults.election().elected()).hostPort();
    }

    private LeaderState leaderStateOf(Election election, int index) {
        return election.seenBy(index, masters.get(election.elected()).hostPort());
    }

    private SimulatorStatus status(int index) {
        EventHub.Figures figures = hub.figures();
        Election election = faults.election();
        LeaderState seen = leaderStateOf(election, index);
        OptionalInt leaderIndex = election.leading();
        return new SimulatorStatus(masters.get(index).url(), index, figures.masterId(), config.seed(), seen.leadership(),
                seen.leader(), leaderIndex.isPresent() ? leaderIndex.getAsInt() : null,
                masters.stream().map(MasterFrontEnd::url).toList(), figures.stalled(),
                seen.leadership() == Leadership.LEADING ? figures.subscribers() : 0, figures.eventsEmitted(), figures.liveTasks(),
                figures.activeAgents(), figures.registeredFrameworks(), faults.restarts(), faults.failovers());
    }
}
