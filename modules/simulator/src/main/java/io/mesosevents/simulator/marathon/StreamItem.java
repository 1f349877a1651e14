package io.mesosevents.simulator.marathon;

/** What an event stream writes next. */
sealed interface StreamItem {

    record Event(BusEvent event) implements StreamItem {
    }

    /** Nothing was written for a keep-alive interval. */
    record KeepAliveDue() implements StreamItem {
    }

    /** The connection is to end; comes before anything still queued. */
    record End(Ending ending) implements StreamItem {
    }

    enum Ending {
        /** Send part of a frame, then break the connection, as a network failure would. */
        DROP_MID_FRAME,
        /** Break the connection at once, as a Marathon that stops leading or gives up on a slow client does. */
        ABORT
    }
}
