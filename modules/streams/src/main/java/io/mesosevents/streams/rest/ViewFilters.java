package io.mesosevents.streams.rest;

import io.mesosevents.model.EntityKey;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.state.AppHealthView;
import io.mesosevents.model.state.AppStatus;
import io.mesosevents.model.state.AppView;
import io.mesosevents.model.state.DeploymentState;
import io.mesosevents.model.state.DeploymentView;
import io.mesosevents.model.state.TaskView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;

/** The filters of each collection, from its query parameters. Every filter is exact; an absent one lets all rows through. */
final class ViewFilters {

    static final String CLUSTER = "cluster";
    static final String STATE = "state";
    static final String STATUS = "status";
    static final String AGENT = "agent";
    static final String APP = "app";
    static final String PREFIX = "prefix";

    static final Set<String> TASK_PARAMS = Set.of(STATE, AGENT, APP, CLUSTER);
    static final Set<String> APP_PARAMS = Set.of(PREFIX, STATUS, CLUSTER);
    static final Set<String> HEALTH_PARAMS = Set.of(STATUS, CLUSTER);
    static final Set<String> DEPLOYMENT_PARAMS = Set.of(STATE, CLUSTER);
    static final Set<String> CLUSTER_ONLY = Set.of(CLUSTER);

    private ViewFilters() {
    }

    /** Tasks: {@code state} (TaskState name), {@code agent} (agent id), {@code app} (app id), {@code cluster}. */
    static RowFilter tasks(QueryParams params) {
        Builder filter = new Builder(params);
        params.enumValue(STATE, TaskState.class).ifPresent(state -> filter.add(STATE, state.name(),
                row -> ((TaskView) row).getState() == state));
        params.get(AGENT).ifPresent(agent -> filter.add(AGENT, agent, row -> agent.equals(((TaskView) row).getAgentId())));
        params.get(APP).ifPresent(app -> filter.add(APP, app, row -> AppMembership.sameAppId(app, ((TaskView) row).getAppId())));
        return filter.build();
    }

    /** The tasks of one app, as {@code /api/v1/apps/{id}/tasks} gathers them. */
    static Map<String, String> tasksOfApp(String cluster, String appId) {
        return Map.of(CLUSTER, cluster, APP, appId);
    }

    /** Apps: {@code prefix} (of the app id), {@code status} (AppStatus name), {@code cluster}. */
    static RowFilter apps(QueryParams params) {
        Builder filter = new Builder(params);
        params.get(PREFIX).ifPresent(prefix -> filter.add(PREFIX, prefix, row -> hasPrefix(((AppView) row).getAppId(), prefix)));
        params.enumValue(STATUS, AppStatus.class).ifPresent(status -> filter.add(STATUS, status.name(),
                row -> ((AppView) row).getStatus() == status));
        return filter.build();
    }

    /** App health: {@code status} healthy, unhealthy or unknown (see {@link HealthStatus}), {@code cluster}. */
    static RowFilter health(QueryParams params) {
        Builder filter = new Builder(params);
        params.word(STATUS, HealthStatus.ALL).ifPresent(status -> filter.add(STATUS, status,
                row -> HealthStatus.of((AppHealthView) row).equals(status)));
        return filter.build();
    }

    /** Deployments: {@code state} (DeploymentState name), {@code cluster}. */
    static RowFilter deployments(QueryParams params) {
        Builder filter = new Builder(params);
        params.enumValue(STATE, DeploymentState.class).ifPresent(state -> filter.add(STATE, state.name(),
                row -> ((DeploymentView) row).getState() == state));
        return filter.build();
    }

    /** Agents and frameworks: {@code cluster} only. */
    static RowFilter clusterOnly(QueryParams params) {
        return new Builder(params).build();
    }

    private static boolean hasPrefix(String appId, String prefix) {
        return appId.startsWith(prefix) || !prefix.startsWith("/") && appId.startsWith("/" + prefix);
    }

    /** Collects the tests and canonical parameters; every filter also takes {@code cluster}, as a key range. */
    private static final class Builder {

        private Predicate<SpecificRecord> matches = row -> true;
        private final Map<String, String> params = new LinkedHashMap<>();
        private final Optional<String> keyPrefix;

        Builder(QueryParams query) {
            Optional<String> cluster = query.get(CLUSTER).map(name -> {
                try {
                    return EntityKey.requireValidCluster(name);
                } catch (IllegalArgumentException e) {
                    throw ApiError.badParameter(CLUSTER, "is not a cluster name: " + e.getMessage());
                }
            });
            cluster.ifPresent(name -> params.put(CLUSTER, name));
            // Keys start with "<cluster>/", so a cluster filter is a key range and needs no row test.
            keyPrefix = cluster.map(name -> name + "/");
        }

        void add(String name, String canonicalValue, Predicate<SpecificRecord> test) {
            params.put(name, canonicalValue);
            matches = matches.and(Objects.requireNonNull(test));
        }

        RowFilter build() {
            return new RowFilter(matches, keyPrefix, params);
        }
    }
}
