package io.mesosevents.replay.state;

import io.mesosevents.model.Topic;
import io.mesosevents.streams.ViewStores;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The tables {@code replay state} can show, by the names of the REST API's collections, and the store of each. */
public enum StateEntity {
    APPS(ViewStores.APPS, Topic.STATE_APPS, true),
    TASKS(ViewStores.TASKS, Topic.STATE_TASKS, true),
    AGENTS(ViewStores.AGENTS, Topic.STATE_AGENTS, false),
    FRAMEWORKS(ViewStores.FRAMEWORKS, Topic.STATE_FRAMEWORKS, false),
    DEPLOYMENTS(ViewStores.DEPLOYMENTS, Topic.VIEW_DEPLOYMENTS, true),
    HEALTH(ViewStores.APP_HEALTH, Topic.VIEW_APP_HEALTH, true);

    private final ViewStores store;
    private final Topic topic;
    private final boolean belongsToApps;

    StateEntity(ViewStores store, Topic topic, boolean belongsToApps) {
        this.store = store;
        this.topic = topic;
        this.belongsToApps = belongsToApps;
    }

    public ViewStores store() {
        return store;
    }

    /** The topic the live views publish this table to: its rows are that topic's values. */
    public Topic topic() {
        return topic;
    }

    /** Whether rows of this table belong to apps, so that selecting one app means something. */
    public boolean belongsToApps() {
        return belongsToApps;
    }

    /** The name on the command line and in the REST API's paths ({@code apps}, {@code health}, …). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StateEntity> byCliName(String name) {
        return Arrays.stream(values()).filter(entity -> entity.cliName().equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** {@code apps|tasks|…}, for messages and help. */
    public static String cliNames() {
        return Arrays.stream(values()).map(StateEntity::cliName).collect(Collectors.joining("|"));
    }
}
