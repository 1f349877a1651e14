package io.mesosevents.model;

import io.mesosevents.model.state.AppDefinition;
import io.mesosevents.model.state.AppTasks;
import io.mesosevents.model.state.EventPosition;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Records the views application keeps in its state stores, changelogs and repartition topics
 * rather than in a public topic. They persist across restarts like topic values do, so they
 * follow the same evolution rules.
 */
public final class StoreRecords {

    private StoreRecords() {
    }

    /** The value schemas of the internal records. */
    public static List<Schema> schemas() {
        return List.of(EventPosition.getClassSchema(), AppTasks.getClassSchema(), AppDefinition.getClassSchema());
    }
}
