package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The truth as Marathon's REST API answers it, read from the model: {@code /v2/apps} and
 * {@code /v2/apps/{id}} (which embed counts and deployments always, as Marathon does, and the
 * single app its tasks and last failure too), {@code /v2/deployments}, {@code /v2/pods} and
 * {@code /v2/queue}. Callers hold the bus's lock.
 */
final class TruthJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TruthJson() {
    }

    static ObjectNode apps(MarathonModel model, Set<Embed> embeds) {
        Set<Embed> all = EnumSet.of(Embed.COUNTS, Embed.DEPLOYMENTS);
        all.addAll(embeds);
        ArrayNode apps = F.arrayNode();
        model.state().listedApps().forEach(app -> apps.add(AppJson.app(app, all)));
        ObjectNode json = F.objectNode();
        json.set("apps", apps);
        return json;
    }

    static Optional<ObjectNode> app(MarathonModel model, String id, Set<Embed> embeds) {
        AppEntry app = model.state().apps.get(id);
        if (app == null || app.removed) {
            return Optional.empty();
        }
        Set<Embed> all = EnumSet.of(Embed.COUNTS, Embed.DEPLOYMENTS, Embed.TASKS, Embed.LAST_TASK_FAILURE);
        all.addAll(embeds);
        ObjectNode json = F.objectNode();
        json.set("app", AppJson.app(app, all));
        return Optional.of(json);
    }

    static ArrayNode deployments(MarathonModel model) {
        ArrayNode deployments = F.arrayNode();
        model.state().deployments.values().forEach(deployment -> deployments.add(deployment.restJson()));
        return deployments;
    }

    static ArrayNode pods(MarathonModel model) {
        ArrayNode pods = F.arrayNode();
        model.state().pods.values().forEach(pod -> pods.add(pod.toJson()));
        return pods;
    }

    /**
     * Apps waiting for launches: instances launched but not yet placed by Mesos, and those held
     * back by a launch delay after failures ({@code delay.overdue} false while it runs).
     */
    static ObjectNode queue(MarathonModel model) {
        Instant now = model.now();
        ArrayNode queue = F.arrayNode();
        for (AppEntry app : model.state().listedApps()) {
            long unplaced = app.activeInstances().stream().filter(InstanceEntry::scheduled).count();
            int wanted = app.started ? app.definition.instances() : 0;
            long count = unplaced + Math.max(0, wanted - app.activeInstances().size());
            boolean delayed = app.delayed(now);
            if (count == 0 && !delayed) {
                continue;
            }
            ObjectNode entry = F.objectNode();
            entry.set("app", AppJson.definition(app.definition));
            entry.put("count", count);
            long timeLeft = delayed ? (long) Math.ceil(Duration.between(now, app.delayedUntil).toMillis() / 1000.0) : 0;
            entry.set("delay", F.objectNode().put("timeLeftSeconds", timeLeft).put("overdue", !delayed));
            entry.put("since", Timestamps.format(app.definition.version()));
            entry.set("processedOffersSummary", F.objectNode().put("processedOffersCount", 0)
                    .put("unusedOffersCount", 0));
            entry.set("lastUnusedOffers", F.arrayNode());
            queue.add(entry);
        }
        ObjectNode json = F.objectNode();
        json.set("queue", queue);
        return json;
    }
}
