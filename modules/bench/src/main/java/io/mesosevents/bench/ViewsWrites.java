package io.mesosevents.bench;

import io.mesosevents.model.Topic;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Bytes each measured application read from its event topics and wrote to Kafka: its internal
 * topics (changelog, repartition and foreign-key subscription topics, all named
 * {@code <application id>-…}) and, for the views, their output topics ({@code state.*}, {@code view.*}).
 */
record ViewsWrites(long viewsRead, long viewsWritten, long bareRead, long bareWritten) {

    private static final Set<String> VIEWS_INPUT = names(Topic.MESOS_TASK_EVENTS, Topic.MESOS_AGENT_EVENTS,
            Topic.MESOS_FRAMEWORK_EVENTS, Topic.MARATHON_EVENTS);
    private static final Set<String> VIEWS_OUTPUT = names(Topic.STATE_TASKS, Topic.STATE_APPS, Topic.STATE_AGENTS,
            Topic.STATE_FRAMEWORKS, Topic.VIEW_APP_HEALTH, Topic.VIEW_DEPLOYMENTS);
    private static final String BARE_INPUT = Topic.MESOS_TASK_EVENTS.name(ViewsBench.TOPIC_PREFIX);

    /** After both runs; the two application ids must not be prefixes of one another. */
    static ViewsWrites measure(String bootstrapServers, String viewsApplicationId, String bareApplicationId)
            throws InterruptedException {
        ViewsTopicBytes bytes = ViewsTopicBytes.read(bootstrapServers);
        return new ViewsWrites(bytes.sum(VIEWS_INPUT::contains),
                bytes.sum(topic -> topic.startsWith(viewsApplicationId + "-") || VIEWS_OUTPUT.contains(topic)),
                bytes.sum(BARE_INPUT::equals),
                bytes.sum(topic -> topic.startsWith(bareApplicationId + "-")));
    }

    private static Set<String> names(Topic... topics) {
        return Stream.of(topics).map(topic -> topic.name(ViewsBench.TOPIC_PREFIX)).collect(Collectors.toSet());
    }
}
