package io.mesosevents.streams;

import io.mesosevents.model.Topic;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.state.AgentView;
import io.mesosevents.model.state.DeploymentView;
import io.mesosevents.model.state.FrameworkView;
import io.mesosevents.model.state.TaskView;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;

/**
 * Every view of the views application in one topology, read top to bottom in the order the
 * views build on each other: agent and framework rows from their Mesos topics; deployments from
 * {@code marathon.events}; tasks from Mesos task events and Marathon's task events, joined to the
 * agent rows for their host; agents and frameworks published with their task counts; apps and app
 * health from the tasks, Marathon's app events and the deployments. Every queryable view also keeps its history ({@link ViewHistory}).
 *
 * <p>The same topology runs live ({@link Options#live()}) and offline over a replayed log
 * ({@link Options#replay()}): the options change only where state is kept and what is written out,
 * never a rule.
 */
public final class ViewsTopology {

    /**
     * Where the topology keeps its state and what it writes besides.
     *
     * @param persistent stores on disk, with changelog topics and caches (else in memory only, neither logged
     *                   nor cached, so every change reaches the stores at once)
     * @param history    each view's versioned {@code <store>-history} store, for {@code asOf} reads
     * @param publish    the views' output topics ({@code state.*}, {@code view.*})
     */
    public record Options(boolean persistent, boolean history, boolean publish) {

        /** The live views application: everything on. */
        public static Options live() {
            return new Options(true, true, true);
        }

        /**
         * An offline replay, which reads only the current rows at the end: nothing on disk or in topics,
         * and no history, which it would only write and never read.
         */
        public static Options replay() {
            return new Options(false, false, false);
        }
    }

    private ViewsTopology() {
    }

    /** The live topology over the topics and with the settings of {@code config}. */
    public static Topology build(StreamsAppConfig config) {
        return build(config, Options.live());
    }

    /** The topology over the topics and with the settings of {@code config}, kept as {@code options} say. */
    public static Topology build(StreamsAppConfig config, Options options) {
        return build(config.topicPrefix(), config.serdeConfig(), config.finishedRetention(),
                config.historyRetention(), options);
    }

    static Topology build(String topicPrefix, Map<String, ?> serdeConfig, Duration finishedRetention,
                          Duration historyRetention) {
        return build(topicPrefix, serdeConfig, finishedRetention, historyRetention, Options.live());
    }

    private static Topology build(String topicPrefix, Map<String, ?> serdeConfig, Duration finishedRetention,
                                  Duration historyRetention, Options options) {
        ViewSerdes serdes = new ViewSerdes(serdeConfig, options);
        StreamsBuilder builder = new StreamsBuilder();
        ViewHistory history = new ViewHistory(builder, serdes, historyRetention, options.history());

        KTable<String, AgentView> agentRows = AgentViewTopology.addTo(builder, topicPrefix, serdes)
                .toTable(Named.as("agents-table"), serdes.materialized("agents-table", AgentView.class));
        KTable<String, FrameworkView> frameworkRows = FrameworkViewTopology.addTo(builder, topicPrefix, serdes)
                .toTable(Named.as("frameworks-table"), serdes.materialized("frameworks-table", FrameworkView.class));

        KStream<String, MarathonEvent> marathonEvents = builder.stream(Topic.MARATHON_EVENTS.name(topicPrefix),
                Consumed.with(serdes.keys(), serdes.values(MarathonEvent.class)).withName("marathon-events"));
        KStream<String, DeploymentView> deploymentChanges = DeploymentViewTopology.addTo(marathonEvents, builder,
                topicPrefix, serdes, finishedRetention);
        history.record(ViewStores.DEPLOYMENTS, deploymentChanges);

        KTable<String, TaskView> tasks = TaskViewTopology.addTo(builder, topicPrefix, serdes, marathonEvents,
                agentRows, finishedRetention);
        history.record(ViewStores.TASKS, tasks.toStream(Named.as("task-history-changes")));
        history.record(ViewStores.AGENTS, AgentViewTopology.publish(agentRows, tasks, topicPrefix, serdes)
                .toStream(Named.as("agent-history-changes")));
        history.record(ViewStores.FRAMEWORKS, FrameworkViewTopology.publish(frameworkRows, tasks, topicPrefix, serdes)
                .toStream(Named.as("framework-history-changes")));

        AppViewTopology.AppTables apps = AppViewTopology.addTo(builder, topicPrefix, serdes, tasks, marathonEvents,
                deploymentChanges);
        history.record(ViewStores.APPS, apps.apps().toStream(Named.as("app-history-changes")));
        history.record(ViewStores.APP_TASKS, apps.appTasks().toStream(Named.as("app-tasks-history-changes")));
        history.record(ViewStores.APP_HEALTH, apps.appHealth().toStream(Named.as("app-health-history-changes")));
        return builder.build();
    }
}
