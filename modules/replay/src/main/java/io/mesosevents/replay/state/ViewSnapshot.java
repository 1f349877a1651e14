package io.mesosevents.replay.state;

import io.mesosevents.streams.rest.AppMembership;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Reads the current rows of one view out of {@link OfflineViews}, in key order as the REST API
 * lists them, optionally only those of one app by the API's own rule ({@link AppMembership}).
 */
public final class ViewSnapshot {

    private ViewSnapshot() {
    }

    /** The rows of {@code entity}; with {@code app}, only those that belong to it (none, for agents and frameworks). */
    public static List<ViewRow> read(OfflineViews views, StateEntity entity, Optional<String> app) {
        List<ViewRow> rows = new ArrayList<>();
        KeyValueStore<String, SpecificRecord> store = views.currentRows(entity.store());
        try (KeyValueIterator<String, SpecificRecord> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, SpecificRecord> entry = all.next();
                if (app.isEmpty() || AppMembership.belongsTo(entry.value, app.get())) {
                    rows.add(new ViewRow(entry.key, entry.value));
                }
            }
        }
        return rows;
    }
}
