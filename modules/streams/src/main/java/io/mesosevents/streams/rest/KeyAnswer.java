package io.mesosevents.streams.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What one instance said about one key. */
sealed interface KeyAnswer {

    /** The row is there: {@code body} is the whole single-entity answer, as the answering instance wrote it. */
    record Found(ObjectNode body) implements KeyAnswer {
    }

    /** The instance that may answer for the key has no row under it. */
    record Absent() implements KeyAnswer {
    }

    /** The instance may not or cannot answer (not the owner, rebalancing, too far behind, unreachable). */
    record Declined(String reason) implements KeyAnswer {
    }
}
