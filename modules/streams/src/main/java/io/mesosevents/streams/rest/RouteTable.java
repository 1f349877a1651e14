package io.mesosevents.streams.rest;

import io.javalin.http.Handler;
import io.mesosevents.streams.ViewStores;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Every {@code /api/v1} route, in registration order. Ids contain slashes, so {@code <id>} takes the
 * rest of the path, and the app routes with a reserved suffix ({@code /tasks}, {@code /health},
 * {@code /endpoints}) come before {@code /apps/<id>}: Javalin takes the first route that matches.
 * The OpenAPI description lists the same paths (a test keeps them in step).
 */
final class RouteTable {

    static final String API = "/api/v1";

    /**
     * One GET route.
     *
     * @param path        the Javalin path ({@code <id>} for an id)
     * @param queryParams the query parameters it takes (anything else is a 400)
     * @param handler     makes its handler
     */
    record ApiRoute(String path, Set<String> queryParams, Function<QueryServices, Handler> handler) {

        ApiRoute {
            queryParams = Set.copyOf(queryParams);
        }
    }

    static final EntityView TASK = EntityView.wholeRow("task", ViewStores.TASKS, API + "/tasks/<id>", false);
    static final EntityView APP = EntityView.wholeRow("app", ViewStores.APPS, API + "/apps/<id>", true);
    static final EntityView APP_HEALTH = EntityView.wholeRow("app", ViewStores.APP_HEALTH, API + "/apps/<id>/health", true);
    static final EntityView APP_ENDPOINTS = new EntityView("app", ViewStores.APP_TASKS, API + "/apps/<id>/endpoints", true,
            AppEndpoints::of);
    static final EntityView AGENT = EntityView.wholeRow("agent", ViewStores.AGENTS, API + "/agents/<id>", false);
    static final EntityView FRAMEWORK = EntityView.wholeRow("framework", ViewStores.FRAMEWORKS, API + "/frameworks/<id>", false);
    static final EntityView DEPLOYMENT = EntityView.wholeRow("deployment", ViewStores.DEPLOYMENTS, API + "/deployments/<id>",
            true);

    static final CollectionView TASKS = new CollectionView(ViewStores.TASKS, API + "/tasks", ViewFilters.TASK_PARAMS,
            ViewFilters::tasks);
    static final CollectionView APPS = new CollectionView(ViewStores.APPS, API + "/apps", ViewFilters.APP_PARAMS,
            ViewFilters::apps);
    static final CollectionView HEALTH = new CollectionView(ViewStores.APP_HEALTH, API + "/health", ViewFilters.HEALTH_PARAMS,
            ViewFilters::health);
    static final CollectionView AGENTS = new CollectionView(ViewStores.AGENTS, API + "/agents", ViewFilters.CLUSTER_ONLY,
            ViewFilters::clusterOnly);
    static final CollectionView FRAMEWORKS = new CollectionView(ViewStores.FRAMEWORKS, API + "/frameworks",
            ViewFilters.CLUSTER_ONLY, ViewFilters::clusterOnly);
    static final CollectionView DEPLOYMENTS = new CollectionView(ViewStores.DEPLOYMENTS, API + "/deployments",
            ViewFilters.DEPLOYMENT_PARAMS, ViewFilters::deployments);

    private static final List<ApiRoute> ROUTES = List.of(
            collection(APPS),
            new ApiRoute(API + "/apps/<id>/tasks", AppTasksHandler.PARAMS, services -> new AppTasksHandler(services, APP, TASKS)),
            entity(APP_HEALTH),
            entity(APP_ENDPOINTS),
            entity(APP),
            collection(TASKS),
            entity(TASK),
            collection(AGENTS),
            entity(AGENT),
            collection(FRAMEWORKS),
            entity(FRAMEWORK),
            collection(HEALTH),
            collection(DEPLOYMENTS),
            entity(DEPLOYMENT),
            new ApiRoute(InstancesHandler.PATH, Set.of(), InstancesHandler::new),
            new ApiRoute(WatchHandler.PATH, WatchHandler.PARAMS, WatchHandler::new));

    private RouteTable() {
    }

    static List<ApiRoute> routes() {
        return ROUTES;
    }

    private static ApiRoute entity(EntityView view) {
        return new ApiRoute(view.routePath(), EntityHandler.PARAMS, services -> new EntityHandler(services, view));
    }

    private static ApiRoute collection(CollectionView view) {
        return new ApiRoute(view.routePath(), view.allowedParams(), services -> new CollectionHandler(services, view));
    }
}
