package io.mesosevents.streams.rest;

import java.util.Optional;

/**
 * One page of a collection: at most {@code limit} rows with keys after {@code after}, in key order.
 *
 * @param limit rows wanted, 1 to {@value QueryParams#MAX_LIMIT}
 * @param after the last key of the previous page (from the cursor); empty for the first page
 */
record PageRequest(int limit, Optional<String> after) {

    static PageRequest of(QueryParams params) {
        return new PageRequest(params.limit(), params.after());
    }

    /** Whether {@code key} belongs after the cursor. */
    boolean admits(String key) {
        return after.map(last -> KeyOrder.compare(key, last) > 0).orElse(true);
    }
}
