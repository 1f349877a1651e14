package io.mesosevents.streams.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.mesosevents.streams.ViewStores;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v1/apps/{id}/tasks}: the app is looked up first (so an unknown app is a 404, and an id
 * without its leading slash is resolved as for the app itself), then its tasks are gathered from the
 * tasks store: those whose cluster and appId are the app's.
 */
final class AppTasksHandler implements Handler {

    static final Set<String> PARAMS = Set.of(QueryParams.LIMIT, QueryParams.CURSOR, QueryParams.MAX_LAG);

    private final QueryServices services;
    private final EntityView apps;
    private final CollectionView tasks;

    AppTasksHandler(QueryServices services, EntityView apps, CollectionView tasks) {
        this.services = services;
        this.apps = apps;
        this.tasks = tasks;
    }

    @Override
    public void handle(Context ctx) {
        services.requireServed(ViewStores.APPS);
        services.requireServed(ViewStores.TASKS);
        if (ctx.header(Forwarder.HEADER) != null) {
            // Lookups for this route are forwarded to the app and task routes, never here.
            throw ApiError.badParameter(Forwarder.HEADER, "(header) is not accepted on this route");
        }
        QueryParams params = QueryParams.of(ctx.queryParamMap(), PARAMS);
        PageRequest page = PageRequest.of(params);
        long maxLag = params.maxLag(services.config().defaultMaxLag());
        String id = ctx.pathParam(EntityHandler.ID);
        JsonNode app = services.router().lookup(apps, id, EntityIds.candidates(id, true), maxLag).path("data");
        Map<String, String> filter = ViewFilters.tasksOfApp(app.path("cluster").asText(), app.path("appId").asText());
        Map<String, List<String>> filterParams = Map.of(ViewFilters.CLUSTER, List.of(filter.get(ViewFilters.CLUSTER)),
                ViewFilters.APP, List.of(filter.get(ViewFilters.APP)));
        RowFilter rows = tasks.filters().apply(QueryParams.of(filterParams, tasks.filterParams()));
        Responses.json(ctx, 200, services.scatter().collect(tasks, rows, page, maxLag));
    }
}
