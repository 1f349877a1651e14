package io.mesosevents.streams.rest;

import io.mesosevents.streams.ViewStores;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * A collection route: which store it lists and which filters it takes.
 *
 * @param store        the store listed
 * @param routePath    the route; gathering from other instances sends requests there
 * @param filterParams the filter parameters the route takes, besides limit, cursor and maxLag
 * @param filters      turns the checked parameters into a row filter
 */
record CollectionView(ViewStores store, String routePath, Set<String> filterParams,
                      Function<QueryParams, RowFilter> filters) {

    CollectionView {
        filterParams = Set.copyOf(filterParams);
    }

    /** Every parameter the route takes. */
    Set<String> allowedParams() {
        Set<String> allowed = new HashSet<>(filterParams);
        allowed.add(QueryParams.LIMIT);
        allowed.add(QueryParams.CURSOR);
        allowed.add(QueryParams.MAX_LAG);
        return allowed;
    }
}
