package io.mesosevents.streams.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.mesosevents.streams.ViewStores;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * A single-entity route: which store holds the entity and what of its row the answer shows.
 *
 * @param what        the entity in messages ("task", "app")
 * @param store       the store keyed by {@code <cluster>/<id>}
 * @param routePath   the route, with {@code <id>}; a forwarded lookup is sent there
 * @param marathonIds whether ids may be Marathon ids given without their leading slash
 * @param presenter   the answer's {@code data} made from the row (the whole row rendered, or a part of it)
 */
record EntityView(String what, ViewStores store, String routePath, boolean marathonIds,
                  Function<SpecificRecord, JsonNode> presenter) {

    /** The whole row, rendered from its schema. */
    static EntityView wholeRow(String what, ViewStores store, String routePath, boolean marathonIds) {
        return new EntityView(what, store, routePath, marathonIds, AvroJsonRenderer::render);
    }

    /** The route path for the key itself; the receiver takes the exact key from the forwarding header. */
    String pathFor(String key) {
        return routePath.replace("<id>", UrlPaths.encodePath(key));
    }
}
