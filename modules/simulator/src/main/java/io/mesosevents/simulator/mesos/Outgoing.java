package io.mesosevents.simulator.mesos;

import org.apache.mesos.v1.master.Protos.Event;

/** What a subscription's stream writes next. */
sealed interface Outgoing {

    /** An event: the {@code SUBSCRIBED} snapshot or a live one. */
    record Send(Event event) implements Outgoing {
    }

    /** Malformed input, in stream order with the events around it. */
    record Garbage(GarbageKind kind) implements Outgoing {
    }

    /** Nothing was sent for a heartbeat interval. */
    record HeartbeatDue() implements Outgoing {
    }

    /** The connection is to end; comes before anything still queued. */
    record End(Ending ending) implements Outgoing {
    }

    enum Ending {
        /** Send part of a record, then break the connection, as a network failure would. */
        DROP_MID_RECORD,
        /** Break the connection at once, as a master that dies or stops leading does. */
        ABORT
    }
}
