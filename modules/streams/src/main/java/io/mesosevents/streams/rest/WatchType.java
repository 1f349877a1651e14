package io.mesosevents.streams.rest;

import io.mesosevents.model.Topic;
import io.mesosevents.model.state.AgentView;
import io.mesosevents.model.state.AppHealthView;
import io.mesosevents.model.state.AppView;
import io.mesosevents.model.state.DeploymentView;
import io.mesosevents.model.state.FrameworkView;
import io.mesosevents.model.state.TaskView;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The kinds of entity {@code /api/v1/watch} streams, each read from the compacted topic its view writes.
 * The name is the SSE event name and the {@code types} filter value; the code identifies the type inside
 * resume tokens, so it never changes once released.
 */
enum WatchType {
    TASK("task", 1, Topic.STATE_TASKS, TaskView.class, true),
    APP("app", 2, Topic.STATE_APPS, AppView.class, true),
    APP_HEALTH("app-health", 3, Topic.VIEW_APP_HEALTH, AppHealthView.class, true),
    AGENT("agent", 4, Topic.STATE_AGENTS, AgentView.class, false),
    FRAMEWORK("framework", 5, Topic.STATE_FRAMEWORKS, FrameworkView.class, false),
    DEPLOYMENT("deployment", 6, Topic.VIEW_DEPLOYMENTS, DeploymentView.class, true);

    private final String eventName;
    private final int code;
    private final Topic topic;
    private final Class<? extends SpecificRecord> rowType;
    private final boolean belongsToApps;

    WatchType(String eventName, int code, Topic topic, Class<? extends SpecificRecord> rowType, boolean belongsToApps) {
        this.eventName = eventName;
        this.code = code;
        this.topic = topic;
        this.rowType = rowType;
        this.belongsToApps = belongsToApps;
    }

    String eventName() {
        return eventName;
    }

    int code() {
        return code;
    }

    Topic topic() {
        return topic;
    }

    Class<? extends SpecificRecord> rowType() {
        return rowType;
    }

    /** Whether the {@code app} filter can select rows of this type (agents and frameworks belong to no app). */
    boolean belongsToApps() {
        return belongsToApps;
    }

    static Optional<WatchType> byEventName(String name) {
        return Arrays.stream(values()).filter(type -> type.eventName.equals(name)).findFirst();
    }

    static Optional<WatchType> byCode(int code) {
        return Arrays.stream(values()).filter(type -> type.code == code).findFirst();
    }

    static List<String> eventNames() {
        return Arrays.stream(values()).map(WatchType::eventName).toList();
    }
}
