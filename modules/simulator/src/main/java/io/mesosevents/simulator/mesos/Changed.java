package io.mesosevents.simulator.mesos;

import org.apache.mesos.v1.master.Protos.Event;

import java.util.List;

/**
 * What a change asked for from outside the model answers, and the events a master sends for it
 * (none when the change is put off or was already under way).
 */
record Changed<T>(T answer, List<Event> events) {

    Changed {
        events = List.copyOf(events);
    }
}
