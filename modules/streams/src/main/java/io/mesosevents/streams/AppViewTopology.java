package io.mesosevents.streams;

import io.mesosevents.model.EntityKey;
import io.mesosevents.model.Topic;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.state.AppDefinition;
import io.mesosevents.model.state.AppHealthView;
import io.mesosevents.model.state.AppTasks;
import io.mesosevents.model.state.AppView;
import io.mesosevents.model.state.DeploymentView;
import io.mesosevents.model.state.TaskView;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The app table and the app health view, keyed {@code <cluster>/<app id>}.
 *
 * <ol>
 *   <li>The tasks table is grouped by app into {@link AppTasks} (store {@code app-tasks}).</li>
 *   <li>Marathon's app and pod events, plus the deployment changes re-keyed to every app and pod
 *       they affect, fold into an {@link AppDefinition} per app.</li>
 *   <li>Both sides are outer-joined into the {@link AppView} (store {@code apps}, topic
 *       {@code state.apps}); the tasks side alone gives {@code view.app-health} (store
 *       {@code app-health}).</li>
 * </ol>
 */
public final class AppViewTopology {

    static final String DEFINITION_STORE = "app-definition-rows";
    static final String DEFINITION_POSITION_STORE = "app-definition-positions";

    private AppViewTopology() {
    }

    /** The tables this topology materialises, for the views that build on them. */
    public record AppTables(KTable<String, AppView> apps, KTable<String, AppTasks> appTasks,
                            KTable<String, AppHealthView> appHealth) {
    }

    public static AppTables addTo(StreamsBuilder builder, String topicPrefix, ViewSerdes serdes,
                                                KTable<String, TaskView> tasks,
                                                KStream<String, MarathonEvent> marathonEvents,
                                                KStream<String, DeploymentView> deploymentChanges) {
        KTable<String, AppTasks> appTasks = tasks
                .groupBy(AppTasksAggregation::byApp,
                        Grouped.with("tasks-by-app", serdes.keys(), serdes.values(TaskView.class)))
                .aggregate(AppTasksAggregation::empty, AppTasksAggregation::add, AppTasksAggregation::remove,
                        Named.as("app-tasks"), serdes.materialized(ViewStores.APP_TASKS.storeName(), AppTasks.class));

        builder.addStateStore(serdes.rowStore(DEFINITION_STORE, AppDefinition.class));
        builder.addStateStore(serdes.positionStore(DEFINITION_POSITION_STORE));
        KStream<String, SpecificRecord> appEvents = marathonEvents
                // Events about no app or pod are keyed by the bare cluster name.
                .filter((key, event) -> EntityKey.isEntityKey(key) && AppDefinitionFold.isAboutApp(event),
                        Named.as("marathon-app-events"))
                .mapValues(event -> event);
        KStream<String, SpecificRecord> deploymentsByApp = deploymentChanges
                .filter((key, deployment) -> deployment != null, Named.as("deployment-rows"))
                .flatMap((key, deployment) -> byAffected(deployment), Named.as("deployments-by-app"))
                .repartition(Repartitioned.with(serdes.keys(), serdes.values(DeploymentView.class))
                        .withName("deployments-by-app"))
                .mapValues(deployment -> deployment);
        KTable<String, AppDefinition> definitions = appEvents.merge(deploymentsByApp)
                .processValues(AppDefinitionProcessor::new, Named.as("app-definitions"), DEFINITION_STORE,
                        DEFINITION_POSITION_STORE)
                .toTable(Named.as("app-definitions-table"),
                        serdes.materialized("app-definitions", AppDefinition.class));

        KTable<String, AppView> apps = appTasks.outerJoin(definitions, AppViews::of, Named.as("apps"),
                serdes.materialized(ViewStores.APPS.storeName(), AppView.class));
        serdes.publish(apps.toStream(Named.as("app-changes")), Topic.STATE_APPS.name(topicPrefix), AppView.class,
                "state-apps");

        KTable<String, AppHealthView> appHealth = appTasks.mapValues(AppHealthViews::of, Named.as("app-health"),
                serdes.materialized(ViewStores.APP_HEALTH.storeName(), AppHealthView.class));
        serdes.publish(appHealth.toStream(Named.as("app-health-changes")), Topic.VIEW_APP_HEALTH.name(topicPrefix),
                AppHealthView.class, "view-app-health");
        return new AppTables(apps, appTasks, appHealth);
    }

    private static List<KeyValue<String, DeploymentView>> byAffected(DeploymentView deployment) {
        List<KeyValue<String, DeploymentView>> perApp = new ArrayList<>();
        for (String id : deployment.getAffectedApps()) {
            perApp.add(KeyValue.pair(new EntityKey(deployment.getCluster(), id).encode(), deployment));
        }
        for (String id : deployment.getAffectedPods()) {
            perApp.add(KeyValue.pair(new EntityKey(deployment.getCluster(), id).encode(), deployment));
        }
        return perApp;
    }
}
