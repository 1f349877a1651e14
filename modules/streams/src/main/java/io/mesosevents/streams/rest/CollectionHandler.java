package io.mesosevents.streams.rest;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;

/** {@code GET /api/v1/<collection>}: a page of a whole store, gathered from every instance. */
final class CollectionHandler implements Handler {

    private final QueryServices services;
    private final CollectionView view;

    CollectionHandler(QueryServices services, CollectionView view) {
        this.services = services;
        this.view = view;
    }

    @Override
    public void handle(Context ctx) {
        services.requireServed(view.store());
        QueryParams params = QueryParams.of(ctx.queryParamMap(), view.allowedParams());
        RowFilter filter = view.filters().apply(params);
        PageRequest page = PageRequest.of(params);
        long maxLag = params.maxLag(services.config().defaultMaxLag());
        Optional<ForwardedScope> scope = QueryServices.scope(ctx.header(Forwarder.HEADER));
        if (scope.isPresent()) {
            // Another instance gathers: answer for the partitions it names, from this instance's stores.
            Responses.json(ctx, 200, Envelopes.partial(services.local().page(view.store(), scope.get().partitions(), page,
                    filter, maxLag)));
            return;
        }
        Responses.json(ctx, 200, services.scatter().collect(view, filter, page, maxLag));
    }
}
