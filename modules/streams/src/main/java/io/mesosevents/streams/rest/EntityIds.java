package io.mesosevents.streams.rest;

import io.mesosevents.model.EntityKey;
import java.util.List;

/**
 * From the {@code {id}} of a URL ({@code <cluster>/<entity id>}) to the store keys to look up, in order.
 *
 * <p>Keys are {@code <cluster>/<id>} with the id verbatim ({@link EntityKey}), so a Marathon app
 * {@code /prod/web} of cluster {@code eu1} is the key {@code eu1//prod/web}. Where Marathon ids occur
 * (apps, deployments) the URL may leave the leading slash out, as people write it:
 * {@code /api/v1/apps/eu1/prod/web} tries {@code eu1//prod/web} first, then {@code eu1/prod/web} (a
 * non-Marathon app {@code <framework id>/<task name>}, which has no leading slash).
 */
final class EntityIds {

    private EntityIds() {
    }

    /**
     * @param id          the path parameter, decoded
     * @param marathonIds whether the id may be a Marathon id given without its leading slash
     */
    static List<String> candidates(String id, boolean marathonIds) {
        int separator = id.indexOf('/');
        if (separator <= 0 || separator == id.length() - 1) {
            throw ApiError.badId(id, "is not <cluster>/<id> (e.g. eu1/" + (marathonIds ? "prod/web" : "<task id>") + ")");
        }
        String cluster = id.substring(0, separator);
        try {
            EntityKey.requireValidCluster(cluster);
        } catch (IllegalArgumentException e) {
            throw ApiError.badId(id, "does not start with a cluster name: " + e.getMessage());
        }
        String entityId = id.substring(separator + 1);
        if (marathonIds && !entityId.startsWith("/")) {
            return List.of(cluster + "//" + entityId, id);
        }
        return List.of(id);
    }
}
