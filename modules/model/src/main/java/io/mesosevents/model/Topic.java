package io.mesosevents.model;

import io.mesosevents.model.dlq.DeadLetter;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.mesos.MesosFrameworkEvent;
import io.mesosevents.model.mesos.MesosOtherEvent;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.state.AgentView;
import io.mesosevents.model.state.AppHealthView;
import io.mesosevents.model.state.AppView;
import io.mesosevents.model.state.DeploymentView;
import io.mesosevents.model.state.FrameworkView;
import io.mesosevents.model.state.TaskView;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Every topic of the event log, with its default name, record key, value schema and cleanup
 * policy. Deployments may put a prefix in front of every name (e.g. {@code "staging."}); the
 * prefix is used verbatim, so it carries its own separator.
 */
public enum Topic {
    MESOS_TASK_EVENTS("mesos.task-events", "<cluster>/<task id>", CleanupPolicy.DELETE,
            MesosTaskEvent.getClassSchema()),
    MESOS_AGENT_EVENTS("mesos.agent-events", "<cluster>/<agent id>", CleanupPolicy.DELETE,
            MesosAgentEvent.getClassSchema()),
    MESOS_FRAMEWORK_EVENTS("mesos.framework-events", "<cluster>/<framework id>", CleanupPolicy.DELETE,
            MesosFrameworkEvent.getClassSchema()),
    MESOS_OTHER_EVENTS("mesos.other-events", "<cluster>", CleanupPolicy.DELETE,
            MesosOtherEvent.getClassSchema()),
    MARATHON_EVENTS("marathon.events",
            "<cluster>/<app, pod or deployment id>, or <cluster> for events about none of them",
            CleanupPolicy.DELETE, MarathonEvent.getClassSchema()),
    INGEST_DLQ("ingest.dlq", "<source> (the Mesos master or Marathon URL)", CleanupPolicy.DELETE,
            DeadLetter.getClassSchema()),
    STATE_TASKS("state.tasks", "<cluster>/<task id>", CleanupPolicy.COMPACT, TaskView.getClassSchema()),
    STATE_APPS("state.apps", "<cluster>/<app id>", CleanupPolicy.COMPACT, AppView.getClassSchema()),
    STATE_AGENTS("state.agents", "<cluster>/<agent id>", CleanupPolicy.COMPACT, AgentView.getClassSchema()),
    STATE_FRAMEWORKS("state.frameworks", "<cluster>/<framework id>", CleanupPolicy.COMPACT,
            FrameworkView.getClassSchema()),
    VIEW_APP_HEALTH("view.app-health", "<cluster>/<app id>", CleanupPolicy.COMPACT,
            AppHealthView.getClassSchema()),
    VIEW_DEPLOYMENTS("view.deployments", "<cluster>/<deployment id>", CleanupPolicy.COMPACT,
            DeploymentView.getClassSchema());

    private final String defaultName;
    private final String keyDescription;
    private final CleanupPolicy cleanupPolicy;
    private final Schema valueSchema;

    Topic(String defaultName, String keyDescription, CleanupPolicy cleanupPolicy, Schema valueSchema) {
        this.defaultName = defaultName;
        this.keyDescription = keyDescription;
        this.cleanupPolicy = cleanupPolicy;
        this.valueSchema = valueSchema;
    }

    /** The topic name without prefix, as in DESIGN.md. */
    public String defaultName() {
        return defaultName;
    }

    /** The topic name under the given prefix ({@code ""} for none). */
    public String name(String prefix) {
        return Objects.requireNonNull(prefix, "prefix") + defaultName;
    }

    /** Schema-registry subject of the values, by TopicNameStrategy: {@code <topic>-value}. */
    public String valueSubject(String prefix) {
        return name(prefix) + "-value";
    }

    /** What the record key holds (a plain UTF-8 string; {@link EntityKey} builds the {@code <cluster>/<id>} ones). */
    public String keyDescription() {
        return keyDescription;
    }

    public CleanupPolicy cleanupPolicy() {
        return cleanupPolicy;
    }

    /** The Avro schema of the values: the schema of the generated record class. */
    public Schema valueSchema() {
        return valueSchema;
    }

    /** The topic called {@code topicName} under {@code prefix}, if it is one of ours. */
    public static Optional<Topic> byName(String prefix, String topicName) {
        return Arrays.stream(values()).filter(t -> t.name(prefix).equals(topicName)).findFirst();
    }

    /** The topic with this default (unprefixed) name, if any. */
    public static Optional<Topic> byName(String topicName) {
        return byName("", topicName);
    }

    /** The current value schema of every topic, keyed by default name, in declaration order. */
    public static Map<String, Schema> valueSchemas() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (Topic topic : values()) {
            schemas.put(topic.defaultName, topic.valueSchema);
        }
        return Collections.unmodifiableMap(schemas);
    }
}
