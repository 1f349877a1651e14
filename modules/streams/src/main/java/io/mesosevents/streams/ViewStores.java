package io.mesosevents.streams;

import io.mesosevents.model.state.AgentView;
import io.mesosevents.model.state.AppHealthView;
import io.mesosevents.model.state.AppTasks;
import io.mesosevents.model.state.AppView;
import io.mesosevents.model.state.DeploymentView;
import io.mesosevents.model.state.FrameworkView;
import io.mesosevents.model.state.TaskView;
import org.apache.avro.specific.SpecificRecord;

/**
 * The queryable stores of the views application: each holds the current row of one entity type,
 * keyed by {@code <cluster>/<id>} exactly like its output topic, so a key's owner is found with
 * {@code KafkaStreams.queryMetadataForKey(store, key, stringSerializer)}. Beside each, a versioned
 * store ({@link #historyStoreName()}) answers "as of" reads of single rows.
 */
public enum ViewStores {
    TASKS("tasks", TaskView.class),
    APPS("apps", AppView.class),
    APP_TASKS("app-tasks", AppTasks.class),
    APP_HEALTH("app-health", AppHealthView.class),
    AGENTS("agents", AgentView.class),
    FRAMEWORKS("frameworks", FrameworkView.class),
    DEPLOYMENTS("deployments", DeploymentView.class);

    private final String storeName;
    private final Class<? extends SpecificRecord> rowType;

    ViewStores(String storeName, Class<? extends SpecificRecord> rowType) {
        this.storeName = storeName;
        this.rowType = rowType;
    }

    public String storeName() {
        return storeName;
    }

    /** The versioned store that keeps the view's rows as of past times, within the history retention. */
    public String historyStoreName() {
        return storeName + "-history";
    }

    public Class<? extends SpecificRecord> rowType() {
        return rowType;
    }
}
