package io.mesosevents.streams.rest;

import io.mesosevents.model.state.AppHealthView;
import io.mesosevents.model.state.AppView;
import io.mesosevents.model.state.DeploymentView;
import io.mesosevents.model.state.TaskView;
import org.apache.avro.specific.SpecificRecord;

/**
 * Which view rows belong to an app, one rule for every reader that filters by app: the {@code app}
 * filter of the collections, the watch, and replay's {@code --app}.
 */
public final class AppMembership {

    private AppMembership() {
    }

    /** An app id given with or without the leading slash of a Marathon id matches the stored one. */
    public static boolean sameAppId(String given, String stored) {
        return stored != null && (stored.equals(given) || !given.startsWith("/") && stored.equals("/" + given));
    }

    /**
     * Whether {@code row} belongs to the app {@code app} (leading slash optional): a task, an app and an
     * app's health by their {@code appId}, a deployment by its {@code affectedApps}; any other row never.
     */
    public static boolean belongsTo(SpecificRecord row, String app) {
        if (row instanceof TaskView task) {
            return sameAppId(app, task.getAppId());
        }
        if (row instanceof AppView view) {
            return sameAppId(app, view.getAppId());
        }
        if (row instanceof AppHealthView health) {
            return sameAppId(app, health.getAppId());
        }
        if (row instanceof DeploymentView deployment) {
            return deployment.getAffectedApps().stream().anyMatch(affected -> sameAppId(app, affected));
        }
        return false;
    }
}
