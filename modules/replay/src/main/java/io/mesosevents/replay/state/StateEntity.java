package io.mesosevents.replay.state;

import io.mesosevents.streams.ViewStores;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The tables {@code replay state} can show, by the names of the REST API's collections, and the store of each. */
public enum StateEntity {
    APPS(ViewStores.APPS, true),
    TASKS(ViewStores.TASKS, true),
    AGENTS(ViewStores.AGENTS, false),
    FRAMEWORKS(ViewStores.FRAMEWORKS, false),
    DEPLOYMENTS(ViewStores.DEPLOYMENTS, true),
    HEALTH(ViewStores.APP_HEALTH, true);

    private final ViewStores store;
    private final boolean belongsToApps;

    StateEntity(ViewStores store, boolean belongsToApps) {
        this.store = store;
        this.belongsToApps = belongsToApps;
    }

    public ViewStores store() {
        return store;
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
