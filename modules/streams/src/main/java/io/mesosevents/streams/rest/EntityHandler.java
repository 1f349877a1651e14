package io.mesosevents.streams.rest;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET …/{id}}: one entity, answered here or by the instance that holds it; with {@code asOf}, the
 * entity as it was then, from the view's history store.
 */
final class EntityHandler implements Handler {

    static final String ID = "id";
    static final Set<String> PARAMS = Set.of(QueryParams.MAX_LAG, QueryParams.AS_OF);

    private final QueryServices services;
    private final EntityView view;
    private final AsOfParameter asOfParameter;

    EntityHandler(QueryServices services, EntityView view) {
        this.services = services;
        this.view = view;
        this.asOfParameter = new AsOfParameter(Clock.systemUTC(), services.app().config().historyRetention());
    }

    @Override
    public void handle(Context ctx) {
        services.requireServed(view.store());
        QueryParams params = QueryParams.of(ctx.queryParamMap(), PARAMS);
        long maxLag = params.maxLag(services.config().defaultMaxLag());
        Optional<ForwardedScope> scope = QueryServices.scope(ctx.header(Forwarder.HEADER));
        if (scope.isPresent()) {
            String key = scope.get().key().orElseThrow(() ->
                    ApiError.badParameter(Forwarder.HEADER, "(header) must name a key on this route"));
            Responses.json(ctx, 200, answerLocally(key, maxLag, AsOfParameter.forwarded(params)));
            return;
        }
        Optional<Instant> asOf = asOfParameter.requested(params);
        String id = ctx.pathParam(ID);
        Responses.json(ctx, 200, services.router().lookup(view, id, EntityIds.candidates(id, view.marathonIds()), maxLag,
                asOf));
    }

    /** A forwarded lookup: exactly this key, from this instance's stores only. */
    private Object answerLocally(String key, long maxLag, Optional<Instant> asOf) {
        int partition = services.owners().ofKey(view.store(), key).partition();
        KeyAnswer answer = services.local().key(view, key, partition, maxLag, asOf);
        if (answer instanceof KeyAnswer.Found found) {
            return found.body();
        }
        if (answer instanceof KeyAnswer.Declined declined) {
            throw ApiError.unavailable(declined.reason(), services.config().retryAfter(), Map.of("id", key));
        }
        throw ApiError.notFound(view.what(), key);
    }
}
