package io.mesosevents.simulator.marathon;

import io.mesosevents.simulator.SimRandom;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What operators and CI jobs do through Marathon's REST API, with the events Marathon sends for
 * each: apps created, scaled, reconfigured, restarted, suspended and destroyed; group updates that
 * change several apps in one deployment, or are refused; stuck deployments rolled back or
 * cancelled; pods created, updated and deleted. A change to an app with a deployment running
 * supersedes it (as {@code ?force=true} does).
 *
 * <p>Each operation queues its events as follow-ups; the change a plan's target shows is applied
 * with the first event that carries it ({@code api_post_event}, else {@code deployment_info}).
 */
final class Operations {

    private final SimRandom random;
    private final SimClock clock;
    private final MarathonState state;
    private final MarathonEvents events;
    private final FollowUps followUps;
    private final DeploymentEngine engine;
    private final Catalogue catalogue;

    Operations(SimRandom random, SimClock clock, MarathonState state, MarathonEvents events, FollowUps followUps,
               DeploymentEngine engine, Catalogue catalogue) {
        this.random = random;
        this.clock = clock;
        this.state = state;
        this.events = events;
        this.followUps = followUps;
        this.engine = engine;
        this.catalogue = catalogue;
    }

    /** {@code POST /v2/apps}: started with no instances, then scaled up, as Marathon plans a new app. */
    void createApp(String group, int instances) {
        Instant now = clock.now();
        Set<String> taken = new HashSet<>(state.apps.keySet());
        taken.addAll(state.pods.keySet());
        AppDefinition definition = catalogue.newApp(catalogue.appId(group, taken), instances, now, state);
        Map<String, AppDefinition> after = currentApps();
        after.put(definition.id(), definition);
        List<DeploymentStep> steps = new ArrayList<>();
        steps.add(DeploymentStep.of(DeploymentAction.onApp("StartApplication", definition.id())));
        if (instances > 0) {
            steps.add(DeploymentStep.of(DeploymentAction.onApp("ScaleApplication", definition.id())));
        }
        Deployment deployment = engine.plan(steps, tree(currentApps(), state.pods, null, now),
                tree(after, state.pods, definition.groupId(), now));
        String clientIp = catalogue.clientIp();
        followUps.add(() -> {
            state.apps.put(definition.id(), new AppEntry(definition, false));
            return events.apiPost(clientIp, "/v2/apps", definition);
        });
        groupChanged(definition.groupId(), now);
        engine.launch(deployment, () -> { });
        definition.healthChecks().forEach(check -> followUps.add(() -> events.addHealthCheck(definition, check)));
    }

    /** {@code PUT /v2/apps/{id}} with a new instance count; 0 suspends the app. Returns the deployment it plans. */
    Deployment scale(AppEntry app, int instances) {
        Instant now = clock.now();
        AppDefinition scaled = app.definition.scaled(instances, now);
        return changeApps(app.definition.groupId(), now, Map.of(app.id(), scaled), "ScaleApplication", true);
    }

    /**
     * A new configuration through {@code PUT /v2/apps/{id}} ({@code api_post_event}), or the same
     * one under a new version through {@code POST /v2/apps/{id}/restart}; both replace every instance.
     */
    void reconfigure(AppEntry app, boolean throughApi) {
        Instant now = clock.now();
        AppDefinition next = throughApi ? catalogue.reconfigured(app.definition, now) : app.definition.restarted(now);
        changeApps(app.definition.groupId(), now, Map.of(app.id(), next), "RestartApplication", throughApi);
    }

    /** {@code PUT /v2/groups/{id}}: several apps of one group change; the second half waits for the first, as dependants do. */
    void changeGroup(String group, List<AppEntry> apps) {
        Instant now = clock.now();
        SortedMap<String, AppDefinition> next = new TreeMap<>();
        List<DeploymentAction> actions = new ArrayList<>();
        for (AppEntry app : apps) {
            boolean scale = random.chance(0.5);
            AppDefinition definition = scale
                    ? app.definition.scaled(Math.max(1, app.definition.instances() + (random.chance(0.5) ? 1 : -1)), now)
                    : catalogue.reconfigured(app.definition, now);
            next.put(app.id(), definition);
            actions.add(DeploymentAction.onApp(scale ? "ScaleApplication" : "RestartApplication", app.id()));
        }
        int half = (actions.size() + 1) / 2;
        List<DeploymentStep> steps = List.of(new DeploymentStep(actions.subList(0, half)),
                new DeploymentStep(actions.subList(half, actions.size())));
        Map<String, AppDefinition> after = currentApps();
        after.putAll(next);
        Deployment deployment = engine.plan(steps, tree(currentApps(), state.pods, null, now),
                tree(after, state.pods, group, now));
        groupChanged(group, now);
        supersede(apps, deployment);
        engine.launch(deployment, () -> next.forEach((id, definition) -> redefine(state.apps.get(id), definition)));
        next.forEach((id, definition) -> announceHealthChecks(state.apps.get(id).definition, definition));
    }

    /** {@code DELETE /v2/apps/{id}}: the app leaves the group at once; its instances are killed, then it is terminated. */
    void destroy(AppEntry app) {
        Instant now = clock.now();
        Map<String, AppDefinition> after = currentApps();
        after.remove(app.id());
        Deployment deployment = engine.plan(List.of(DeploymentStep.of(DeploymentAction.onApp("StopApplication", app.id()))),
                tree(currentApps(), state.pods, null, now), tree(after, state.pods, app.definition.groupId(), now));
        groupChanged(app.definition.groupId(), now);
        supersede(List.of(app), deployment);
        engine.launch(deployment, () -> {
            app.removed = true;
            app.started = false;
        });
        AppDefinition definition = app.definition;
        definition.healthChecks().forEach(check -> followUps.add(() -> events.removeHealthCheck(definition, check)));
    }

    /** A group change Marathon refuses: a deployment holds the group's apps, or the definition is invalid. */
    void refuseGroupChange(String group) {
        Deployment locking = state.listedApps().stream().filter(app -> app.definition.groupId().equals(group))
                .map(app -> app.deployment).filter(deployment -> deployment != null).findFirst().orElse(null);
        String reason = locking != null
                ? "App is locked by one or more deployments. Override with the option '?force=true'. View details at '/v2/deployments/"
                        + locking.id + "'."
                : "Object is not valid: " + group + "/apps(0)/mem got 0.0, expected 32.0 or more";
        String version = Timestamps.format(clock.now());
        followUps.add(() -> events.groupChangeFailed(group, version, reason));
    }

    /**
     * An operator gives up on a stuck deployment: {@code DELETE /v2/deployments/{id}} rolls its apps
     * back to their definitions before it (in a new deployment), {@code ?force=true} only stops it.
     */
    void abandon(Deployment stuck, boolean rollBack) {
        Instant now = clock.now();
        SortedMap<String, AppDefinition> previous = new TreeMap<>();
        for (String appId : stuck.affectedApps()) {
            AppEntry app = state.apps.get(appId);
            if (rollBack && app != null && !app.removed && app.previous != null) {
                previous.put(appId, app.previous.restarted(now));
            }
        }
        if (previous.isEmpty()) {
            engine.cancel(stuck, "Deployment " + stuck.id + " was cancelled (force=true)", Set.of());
            return;
        }
        Map<String, AppDefinition> after = currentApps();
        after.putAll(previous);
        List<DeploymentAction> actions = previous.keySet().stream()
                .map(id -> DeploymentAction.onApp("RestartApplication", id)).toList();
        Deployment rollback = engine.plan(List.of(new DeploymentStep(actions)), tree(currentApps(), state.pods, null, now),
                tree(after, state.pods, "/", now));
        engine.cancel(stuck, "Deployment " + stuck.id + " was rolled back by deployment " + rollback.id, previous.keySet());
        groupChanged("/", now);
        engine.launch(rollback, () -> previous.forEach((id, definition) -> redefine(state.apps.get(id), definition)));
    }

    /** {@code POST /v2/pods}, answered with a deployment that starts it. */
    void createPod(String group) {
        Instant now = clock.now();
        Set<String> taken = new HashSet<>(state.apps.keySet());
        taken.addAll(state.pods.keySet());
        PodDefinition pod = catalogue.newPod(catalogue.podId(group, taken), now);
        changePod(pod, "pod_created_event", "/v2/pods", "StartPod", pods -> pods.put(pod.id(), pod));
    }

    void updatePod(PodDefinition pod) {
        PodDefinition updated = catalogue.updated(pod, clock.now());
        changePod(updated, "pod_updated_event", "/v2/pods" + pod.id(), "RestartPod", pods -> pods.put(pod.id(), updated));
    }

    void deletePod(PodDefinition pod) {
        changePod(pod, "pod_deleted_event", "/v2/pods" + pod.id(), "StopPod", pods -> pods.remove(pod.id()));
    }

    private void changePod(PodDefinition pod, String eventType, String uri, String action,
                           Consumer<Map<String, PodDefinition>> change) {
        Instant now = clock.now();
        SortedMap<String, PodDefinition> after = new TreeMap<>(state.pods);
        change.accept(after);
        Deployment deployment = engine.plan(List.of(DeploymentStep.of(DeploymentAction.onPod(action, pod.id()))),
                tree(currentApps(), state.pods, null, now), tree(currentApps(), after, pod.groupId(), now));
        String clientIp = catalogue.clientIp();
        followUps.add(() -> {
            change.accept(state.pods);
            return events.pod(eventType, clientIp, uri);
        });
        groupChanged(pod.groupId(), now);
        engine.launch(deployment, () -> { });
    }

    /** One deployment changing apps of one group, all with the same action. */
    private Deployment changeApps(String group, Instant now, Map<String, AppDefinition> next, String action, boolean throughApi) {
        Map<String, AppDefinition> after = currentApps();
        after.putAll(next);
        List<DeploymentAction> actions = next.keySet().stream().map(id -> DeploymentAction.onApp(action, id)).toList();
        Deployment deployment = engine.plan(List.of(new DeploymentStep(actions)), tree(currentApps(), state.pods, null, now),
                tree(after, state.pods, group, now));
        List<AppEntry> apps = next.keySet().stream().map(state.apps::get).toList();
        if (throughApi) {
            String clientIp = catalogue.clientIp();
            next.forEach((id, definition) -> followUps.add(() -> {
                redefine(state.apps.get(id), definition);
                return events.apiPost(clientIp, "/v2/apps" + id, definition);
            }));
        }
        groupChanged(group, now);
        supersede(apps, deployment);
        engine.launch(deployment, throughApi ? () -> { }
                : () -> next.forEach((id, definition) -> redefine(state.apps.get(id), definition)));
        next.forEach((id, definition) -> announceHealthChecks(state.apps.get(id).definition, definition));
        return deployment;
    }

    /** The deployments running for {@code apps} end, superseded by {@code deployment}. */
    private void supersede(List<AppEntry> apps, Deployment deployment) {
        Set<Deployment> running = new LinkedHashSet<>();
        apps.stream().filter(app -> app.deployment != null).forEach(app -> running.add(app.deployment));
        Set<String> takenOver = deployment.affectedApps();
        running.forEach(old -> engine.cancel(old, "Deployment " + old.id + " was superseded by deployment "
                + deployment.id + " (force=true)", takenOver));
    }

    /** A new definition: the launch delay of the old one no longer holds. */
    private static void redefine(AppEntry app, AppDefinition definition) {
        app.define(definition);
        app.failures = 0;
        app.delayedUntil = null;
    }

    /** Marathon checks health per app version: the old version's checks go, the new one's come. */
    private void announceHealthChecks(AppDefinition before, AppDefinition after) {
        if (after.lastConfigChangeAt().equals(before.lastConfigChangeAt())) {
            return;
        }
        before.healthChecks().forEach(check -> followUps.add(() -> events.removeHealthCheck(before, check)));
        after.healthChecks().forEach(check -> followUps.add(() -> events.addHealthCheck(after, check)));
    }

    private void groupChanged(String group, Instant now) {
        String version = Timestamps.format(now);
        followUps.add(() -> {
            state.touchGroup(group, now);
            return events.groupChangeSuccess(group, version);
        });
    }

    private SortedMap<String, AppDefinition> currentApps() {
        SortedMap<String, AppDefinition> apps = new TreeMap<>();
        state.listedApps().forEach(app -> apps.put(app.id(), app.definition));
        return apps;
    }

    /** The root group over these apps and pods, with {@code touched} (unless null) and its parents at {@code now}. */
    private ObjectNode tree(Map<String, AppDefinition> apps, Map<String, PodDefinition> pods, String touched, Instant now) {
        SortedMap<String, Instant> versions = new TreeMap<>(state.groupVersions);
        if (touched != null) {
            MarathonState.touchGroup(versions, touched, now);
        }
        return GroupTree.root(apps.values(), pods.values(), versions);
    }
}
