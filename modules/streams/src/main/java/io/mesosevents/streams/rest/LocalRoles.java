package io.mesosevents.streams.rest;

import io.mesosevents.streams.ViewStores;
import io.mesosevents.streams.app.LocalAssignment;
import io.mesosevents.streams.app.ViewsApp;
import java.util.OptionalLong;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Decides whether this instance answers for a store partition: as the active owner while Kafka Streams
 * is RUNNING, or as a standby whose copy is at most {@code maxLag} records behind. An active owner that
 * is rebalancing or restoring declines, so that the caller turns to a standby rather than read a store
 * that may be moving away.
 */
final class LocalRoles {

    private final ViewsApp app;

    LocalRoles(ViewsApp app) {
        this.app = app;
    }

    /** The role for one partition, given the assignment of the moment. */
    LocalRole of(LocalAssignment assignment, ViewStores store, int partition, long maxLag) {
        if (assignment.active(store).contains(partition)) {
            KafkaStreams.State state = app.state();
            return state == KafkaStreams.State.RUNNING ? LocalRole.active()
                    : LocalRole.declined("the active owner of partition " + partition + " of " + store.storeName() + " is " + state);
        }
        if (assignment.standby(store).contains(partition)) {
            OptionalLong lag = app.lags().lag(store, partition);
            if (lag.isEmpty()) {
                return LocalRole.declined("the lag of the standby of partition " + partition + " of " + store.storeName()
                        + " is not known yet");
            }
            if (lag.getAsLong() > maxLag) {
                return LocalRole.declined("the standby of partition " + partition + " of " + store.storeName() + " is "
                        + lag.getAsLong() + " records behind, more than maxLag " + maxLag);
            }
            return LocalRole.standby(lag.getAsLong());
        }
        return LocalRole.declined("partition " + partition + " of " + store.storeName() + " is not held by this instance");
    }

    LocalAssignment assignment() {
        return app.localAssignment();
    }
}
