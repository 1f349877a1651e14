package io.mesosevents.streams.rest;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;

/**
 * Which rows of a collection a request wants.
 *
 * @param matches   the test every returned row passes
 * @param keyPrefix when the filter fixes the cluster, the key prefix {@code <cluster>/}: the scan then
 *                  reads only that key range instead of the whole store
 * @param params    the filter's query parameters in canonical form, sent along when the collection is
 *                  gathered from other instances so that each applies the same filter before its limit
 */
record RowFilter(Predicate<SpecificRecord> matches, Optional<String> keyPrefix, Map<String, String> params) {

    RowFilter {
        params = Map.copyOf(params);
    }

    static RowFilter all() {
        return new RowFilter(row -> true, Optional.empty(), Map.of());
    }
}
