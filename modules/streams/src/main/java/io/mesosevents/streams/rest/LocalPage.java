package io.mesosevents.streams.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one instance answered for some partitions of a collection.
 *
 * @param answeredBy the instance ({@code host:port})
 * @param rows       up to the page limit of matching rows from the answered partitions, in key order
 * @param answered   the partitions it answered, and how
 * @param declined   the partitions it could not answer, with the reason
 */
record LocalPage(String answeredBy, List<KeyedRow> rows, List<PartitionAnswer> answered, Map<Integer, String> declined) {

    LocalPage {
        rows = List.copyOf(rows);
        answered = List.copyOf(answered);
        declined = Map.copyOf(declined);
    }

    /** Nothing answered: every partition declined for {@code reason} (e.g. the instance is unreachable). */
    static LocalPage declinedAll(String answeredBy, Iterable<Integer> partitions, String reason) {
        Map<Integer, String> declined = new HashMap<>();
        partitions.forEach(partition -> declined.put(partition, reason));
        return new LocalPage(answeredBy, List.of(), List.of(), declined);
    }
}
