package io.mesosevents.simulator.marathon;

import io.mesosevents.simulator.SimRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Makes an app's instances match what it asks for, by launching and killing tasks through the
 * backend; it announces nothing itself (Mesos's status updates do). A rolling restart follows the
 * app's upgrade strategy ({@link UpgradePlan}); otherwise missing instances are launched (unless
 * the app's launches are delayed after failures) and extra ones killed, the least useful first.
 */
final class AppScheduler {

    private final SimRandom random;
    private final SimClock clock;
    private final MarathonState state;
    private final TaskBackend backend;

    AppScheduler(SimRandom random, SimClock clock, MarathonState state, TaskBackend backend) {
        this.random = random;
        this.clock = clock;
        this.state = state;
        this.backend = backend;
    }

    void reconcile(AppEntry app) {
        if (app.removed) {
            app.instances.values().stream().filter(instance -> !instance.killRequested).toList().forEach(this::kill);
            return;
        }
        Instant now = clock.now();
        if (restarting(app)) {
            roll(app, now);
            return;
        }
        int wanted = app.started ? app.definition.instances() : 0;
        List<InstanceEntry> active = app.activeInstances();
        if (active.size() > wanted) {
            leastUseful(active).subList(0, active.size() - wanted).forEach(this::kill);
        } else if (active.size() < wanted && !app.delayed(now)) {
            launch(app, wanted - active.size());
        }
    }

    void kill(InstanceEntry instance) {
        instance.killRequested = true;
        backend.kill(instance.taskId);
    }

    private static boolean restarting(AppEntry app) {
        return app.deployment != null && app.deployment.currentStep > 0 && app.deployment.current().actions().stream()
                .anyMatch(action -> action.action().equals("RestartApplication") && app.id().equals(action.app()));
    }

    private void roll(AppEntry app, Instant now) {
        AppDefinition definition = app.definition;
        List<InstanceEntry> old = new ArrayList<>();
        int newTotal = 0;
        int newReady = 0;
        for (InstanceEntry instance : app.activeInstances()) {
            if (instance.definition.version().equals(definition.version())) {
                newTotal++;
                newReady += instance.ready() ? 1 : 0;
            } else {
                old.add(instance);
            }
        }
        int oldReady = (int) old.stream().filter(InstanceEntry::ready).count();
        UpgradePlan plan = UpgradePlan.next(definition.instances(), definition.upgradeStrategy(), oldReady,
                old.size() - oldReady, newTotal, newReady);
        leastUseful(old).subList(0, plan.killOld()).forEach(this::kill);
        if (!app.delayed(now)) {
            launch(app, plan.launch());
        }
    }

    /** Ids in Marathon's forms: {@code prod_web.marathon-<uuid>} and {@code prod_web.instance-<uuid>._app.1}. */
    private void launch(AppEntry app, int count) {
        AppDefinition definition = app.definition;
        for (int i = 0; i < count; i++) {
            String uuid = random.uuid();
            InstanceEntry instance = new InstanceEntry(definition.safeId() + ".marathon-" + uuid,
                    definition.safeId() + ".instance-" + uuid + "._app.1", definition);
            state.addInstance(app, instance);
            backend.launch(new TaskLaunch(instance.taskId, definition.id(), instance.version(), definition.cpus(),
                    definition.mem(), definition.servicePorts().size(), definition.healthChecked()));
        }
    }

    /** Not yet placed, then still starting, then unhealthy, then the youngest: the order Marathon kills in. */
    private static List<InstanceEntry> leastUseful(List<InstanceEntry> instances) {
        List<InstanceEntry> sorted = new ArrayList<>(instances);
        List<InstanceEntry> launchOrder = List.copyOf(instances);
        sorted.sort(Comparator.comparingInt(AppScheduler::usefulness)
                .thenComparing(Comparator.comparingInt(launchOrder::indexOf).reversed()));
        return sorted;
    }

    private static int usefulness(InstanceEntry instance) {
        if (instance.scheduled()) {
            return 0;
        }
        if (!instance.running()) {
            return 1;
        }
        return instance.ready() ? 3 : 2;
    }
}
