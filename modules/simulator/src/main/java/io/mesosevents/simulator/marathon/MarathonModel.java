package io.mesosevents.simulator.marathon;

import io.mesosevents.simulator.SimRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A seeded Marathon that changes one event at a time. {@link #next()} makes the next change to the
 * truth and returns the one event Marathon sends for it: status updates from the backend come
 * first, in the order they arrived; otherwise a random choice among what Mesos (when stepped),
 * operators and clients do. With a {@link SteppedBackend} the sequence depends only on the seed
 * and knobs; with a backend that reports on its own threads, on when its updates arrive too.
 *
 * <p>Changes Marathon announces with several events are queued as {@link FollowUps} and made by
 * the next steps, before anything else happens. Not thread-safe but for {@link #offer}: its owner
 * serialises every other call.
 */
final class MarathonModel {

    /** How long a deployment may run (simulated time) before operators take it for stuck. */
    private static final Duration STUCK_AFTER = Duration.ofSeconds(120);

    private final MarathonSimulatorConfig config;
    private final SimRandom random;
    private final SimClock clock;
    private final SteppedBackend stepped;
    private final MarathonState state = new MarathonState();
    private final MarathonEvents events;
    private final FollowUps followUps = new FollowUps();
    private final Queue<TaskUpdate> inbox = new ConcurrentLinkedQueue<>();
    private final Catalogue catalogue;
    private final AppScheduler scheduler;
    private final TaskUpdates updates;
    private final Operations operations;
    private final MesosConnection mesos;
    private final SimulatedClients clients;
    private final Map<String, Long> emittedByType = new TreeMap<>();
    private long emitted;

    /**
     * Builds the Marathon as it stands at {@code config.epoch()}, starts the backend and launches
     * the apps' instances; a stepped backend runs them at once, the others report as they go.
     *
     * @param stepped {@code backend} when it is a {@link SteppedBackend}, else null
     */
    MarathonModel(MarathonSimulatorConfig config, SimRandom random, SimClock clock, TaskBackend backend,
                  SteppedBackend stepped) {
        this.config = config;
        this.random = random;
        this.clock = clock;
        this.stepped = stepped;
        this.events = new MarathonEvents(clock);
        this.catalogue = new Catalogue(random);
        this.scheduler = new AppScheduler(random, clock, state, backend);
        DeploymentEngine engine = new DeploymentEngine(random, clock, state, events, followUps, scheduler);
        this.updates = new TaskUpdates(random, clock, state, events, followUps, engine, scheduler, backend);
        this.operations = new Operations(random, clock, state, events, followUps, engine, catalogue);
        this.mesos = new MesosConnection(random, state, events, backend);
        this.clients = new SimulatedClients(random, state, events, catalogue);
        backend.start(this::offer);
        bootstrap();
    }

    /** Takes a status update from the backend, on whatever thread it comes. */
    void offer(TaskUpdate update) {
        inbox.add(update);
    }

    /** Makes the next change and returns its event. */
    BusEvent next() {
        clock.advance(random);
        while (true) {
            BusEvent event = followUps.isEmpty() ? step() : followUps.applyNext();
            if (event != null) {
                emitted++;
                emittedByType.merge(event.eventType(), 1L, Long::sum);
                return event;
            }
        }
    }

    long emitted() {
        return emitted;
    }

    /** Events made so far by type, sorted by type. */
    SortedMap<String, Long> emittedByType() {
        return new TreeMap<>(emittedByType);
    }

    MarathonState state() {
        return state;
    }

    /** Builds events stamped with the model's time, for those that happen outside it (real clients). */
    MarathonEvents events() {
        return events;
    }

    /**
     * {@code PUT /v2/apps/{id}} with a new instance count, from a real client. As in Marathon, the
     * deployments in progress that affect the app lock it unless {@code force}, which supersedes
     * them. The change is planned now; its events come first among the next ones the model makes.
     */
    ScaleOutcome scaleApp(String appId, int instances, boolean force) {
        AppEntry app = state.apps.get(appId);
        if (app == null || app.removed) {
            return new ScaleOutcome.UnknownApp(appId);
        }
        List<String> locking = state.deployments.values().stream()
                .filter(deployment -> deployment.affectedApps().contains(appId)).map(deployment -> deployment.id).toList();
        if (!locking.isEmpty() && !force) {
            return new ScaleOutcome.Locked(locking);
        }
        Deployment deployment = operations.scale(app, instances);
        return new ScaleOutcome.Planned(deployment.id, Timestamps.format(deployment.version));
    }

    /** Now, in simulated time. */
    Instant now() {
        return clock.now();
    }

    private BusEvent step() {
        updates.timePasses();
        if (!followUps.isEmpty()) {
            return null;
        }
        TaskUpdate update = inbox.poll();
        return update != null ? updates.apply(update) : randomStep();
    }

    /**
     * Apps spread over the groups, created in the days before the epoch, with their instances
     * running; a few pods; then Marathon registers with Mesos, its first event.
     */
    private void bootstrap() {
        List<String> groups = Catalogue.groups(config.groups());
        Instant epoch = clock.now();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < config.apps(); i++) {
            String group = groups.get(i % groups.size());
            Instant created = epoch.minus(Duration.ofHours(2L * (config.apps() - i))).minusSeconds(random.between(0, 3600));
            AppDefinition definition = catalogue.newApp(catalogue.appId(group, taken), config.instances(), created, state);
            taken.add(definition.id());
            state.apps.put(definition.id(), new AppEntry(definition, true));
            state.touchGroup(group, created);
        }
        groups.forEach(group -> state.groupVersions.putIfAbsent(group, epoch.minus(Duration.ofDays(1))));
        state.groupVersions.putIfAbsent("/", epoch.minus(Duration.ofDays(1)));
        for (int i = 0; i < config.pods(); i++) {
            String group = groups.get(i % groups.size());
            PodDefinition pod = catalogue.newPod(catalogue.podId(group, taken), epoch.minusSeconds(600L * (config.pods() - i)));
            taken.add(pod.id());
            state.pods.put(pod.id(), pod);
        }
        state.apps.values().forEach(scheduler::reconcile);
        if (stepped != null) {
            stepped.settle();
            // History from before the simulator started: applied, not announced.
            while (!inbox.isEmpty() || !followUps.isEmpty()) {
                if (followUps.isEmpty()) {
                    updates.apply(inbox.poll());
                } else {
                    followUps.applyNext();
                }
            }
        }
        followUps.add(mesos::registered);
    }

    private BusEvent randomStep() {
        Instant now = clock.now();
        List<AppEntry> listed = state.listedApps();
        List<AppEntry> up = listed.stream().filter(app -> app.definition.instances() > 0).toList();
        List<AppEntry> suspended = listed.stream().filter(app -> app.definition.instances() == 0).toList();
        List<AppEntry> crashing = listed.stream().filter(app -> app.failures >= 2 && app.deployment == null).toList();
        List<Deployment> stuck = state.deployments.values().stream().filter(d -> stuck(d, now)).toList();
        Map<String, List<AppEntry>> groups = new LinkedHashMap<>();
        listed.forEach(app -> groups.computeIfAbsent(app.definition.groupId(), g -> new ArrayList<>()).add(app));
        List<String> busyGroups = groups.keySet().stream().filter(g -> groups.get(g).size() >= 2).toList();
        List<InstanceEntry> running = listed.stream().flatMap(app -> app.instances.values().stream())
                .filter(InstanceEntry::running).toList();
        List<String> groupIds = Catalogue.groups(config.groups());
        double apps = Math.max(1, config.apps());
        int pods = state.pods.size();
        // Operators change something every few dozen events; most events are Mesos reporting on tasks.
        double[] weights = {
                stepped == null ? 0 : stepped.weight(),
                // Creations follow the shortfall and destructions the excess: the app count settles near the knob.
                config.apps() == 0 ? 0 : 0.3 * Math.max(0.1, Math.min(4, 1 + 4 * (1 - listed.size() / apps))),
                up.isEmpty() ? 0 : 0.45,
                up.isEmpty() ? 0 : 0.4,
                up.isEmpty() ? 0 : 0.15,
                up.size() > 1 ? 0.1 : 0,
                0.3 * suspended.size(),
                listed.size() > Math.max(1, apps * 0.6) ? 0.25 * Math.max(0.25, listed.size() / apps) : 0,
                busyGroups.isEmpty() ? 0 : 0.2,
                0.15,
                0.4 * stuck.size(),
                0.3 * crashing.size(),
                config.pods() == 0 ? 0 : pods <= config.pods() ? 0.2 : 0.05,
                pods == 0 ? 0 : 0.2,
                pods == 0 || pods < config.pods() ? 0 : 0.2,
                running.isEmpty() ? 0 : 0.25,
                state.schedulerConnected ? 0.08 : 3,
                0.12,
                0.05 * state.simulatedStreams.size(),
                state.simulatedCallbacks.size() < 4 ? 0.06 : 0,
                0.03 * state.simulatedCallbacks.size(),
        };
        switch (random.weighted(weights)) {
            case 0 -> stepped.step();
            case 1 -> operations.createApp(random.pick(groupIds), config.instances());
            case 2 -> {
                AppEntry app = random.pick(up);
                int count = app.definition.instances();
                operations.scale(app, Math.max(1, Math.min(3 * Math.max(1, config.instances()),
                        count + (random.chance(0.5) ? random.between(1, 3) : -random.between(1, 3)))));
            }
            case 3 -> operations.reconfigure(random.pick(up), true);
            case 4 -> operations.reconfigure(random.pick(up), false);
            case 5 -> operations.scale(random.pick(up), 0);
            case 6 -> operations.scale(random.pick(suspended), Math.max(1, config.instances()));
            case 7 -> operations.destroy(random.pick(listed));
            case 8 -> {
                String group = random.pick(busyGroups);
                List<AppEntry> members = new ArrayList<>(groups.get(group));
                while (members.size() > 3) {
                    members.remove(random.between(0, members.size()));
                }
                operations.changeGroup(group, members);
            }
            case 9 -> operations.refuseGroupChange(random.pick(groupIds));
            case 10 -> operations.abandon(random.pick(stuck), random.chance(0.6));
            case 11 -> operations.reconfigure(random.pick(crashing), true);
            case 12 -> operations.createPod(random.pick(groupIds));
            case 13 -> operations.updatePod(random.pick(List.copyOf(state.pods.values())));
            case 14 -> operations.deletePod(random.pick(List.copyOf(state.pods.values())));
            case 15 -> {
                return mesos.frameworkMessage(random.pick(running));
            }
            case 16 -> {
                return state.schedulerConnected ? mesos.disconnected() : mesos.reconnected();
            }
            case 17 -> {
                return clients.attach();
            }
            case 18 -> {
                return clients.detach();
            }
            case 19 -> {
                return clients.subscribe();
            }
            default -> {
                return clients.unsubscribe();
            }
        }
        return null;
    }

    /**
     * A deployment its operators give up on: a bad release keeps failing, or it has run for too
     * long. Nobody gives up on stopping an app: that only waits for its tasks to be killed.
     */
    private boolean stuck(Deployment deployment, Instant now) {
        if (deployment.steps.stream().anyMatch(step -> step.actions().stream()
                .anyMatch(action -> action.action().equals("StopApplication")))) {
            return false;
        }
        if (now.isAfter(deployment.version.plus(STUCK_AFTER))) {
            return true;
        }
        return deployment.affectedApps().stream().map(state.apps::get)
                .anyMatch(app -> app != null && app.failures >= 2);
    }
}
