package io.mesosevents.streams.rest;

import io.mesosevents.model.EntityKey;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/**
 * Which changes a watch wants: {@code types} (entity types; default all, or all that belong to apps when
 * {@code app} is given), {@code app} (an app id, its Marathon leading slash optional) and {@code cluster}.
 *
 * <p>A deletion carries no row. The deletion of an app or of its health is matched by its key, which is
 * the app id; the deletion of a task or a deployment cannot be told apart by app, so it passes the
 * {@code app} filter: a client that never saw the key ignores it, and none misses a deletion.
 *
 * @param types   the entity types watched; only their topics are read
 * @param app     the app id given, as given
 * @param cluster the cluster given
 */
record WatchFilter(Set<WatchType> types, Optional<String> app, Optional<String> cluster) {

    static final String TYPES = "types";
    static final String APP = ViewFilters.APP;
    static final String CLUSTER = ViewFilters.CLUSTER;

    WatchFilter {
        types = Set.copyOf(types);
    }

    /** The filter of a request; a 400 naming the parameter for an unknown type, a bad cluster or a contradiction. */
    static WatchFilter of(QueryParams params) {
        Optional<String> app = params.get(APP);
        Optional<String> cluster = params.get(CLUSTER).map(WatchFilter::cluster);
        Set<WatchType> types = params.get(TYPES).map(WatchFilter::types).orElseGet(() -> app.isPresent()
                ? EnumSet.copyOf(Arrays.stream(WatchType.values()).filter(WatchType::belongsToApps).toList())
                : EnumSet.allOf(WatchType.class));
        if (app.isPresent()) {
            Set<String> unrelated = types.stream().filter(type -> !type.belongsToApps()).map(WatchType::eventName)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!unrelated.isEmpty()) {
                throw ApiError.badParameter(APP, "cannot select " + String.join(", ", unrelated)
                        + " changes, which belong to no app; leave them out of types");
            }
        }
        return new WatchFilter(types, app, cluster);
    }

    /** Whether a change of {@code key} may be wanted at all: told by the key alone, before its row is decoded. */
    boolean admitsKey(WatchType type, String key) {
        return types.contains(type) && (cluster.isEmpty() || key.startsWith(cluster.get() + "/"));
    }

    /** Whether the change of {@code key} to {@code row} ({@code null}: deleted) is wanted. */
    boolean matches(WatchType type, String key, SpecificRecord row) {
        return admitsKey(type, key) && (app.isEmpty() || belongsToApp(type, key, row, app.get()));
    }

    private static boolean belongsToApp(WatchType type, String key, SpecificRecord row, String app) {
        if (row == null) {
            // Apps and app health are keyed <cluster>/<app id>; tasks and deployments say nothing once deleted.
            boolean keyedByApp = type == WatchType.APP || type == WatchType.APP_HEALTH;
            return !keyedByApp || AppMembership.sameAppId(app, key.substring(key.indexOf('/') + 1));
        }
        return AppMembership.belongsTo(row, app);
    }

    private static Set<WatchType> types(String list) {
        Set<WatchType> types = EnumSet.noneOf(WatchType.class);
        for (String name : list.split(",", -1)) {
            String trimmed = name.trim().toLowerCase(Locale.ROOT);
            types.add(WatchType.byEventName(trimmed).orElseThrow(() -> ApiError.badParameter(TYPES, "has no type '"
                    + name.trim() + "'; use a comma-separated list of " + String.join(", ", WatchType.eventNames()))));
        }
        return types;
    }

    private static String cluster(String name) {
        try {
            return EntityKey.requireValidCluster(name);
        } catch (IllegalArgumentException e) {
            throw ApiError.badParameter(CLUSTER, "is not a cluster name: " + e.getMessage());
        }
    }
}
