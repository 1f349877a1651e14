package io.mesosevents.streams.rest;

import io.mesosevents.streams.ViewStores;
import io.mesosevents.streams.app.ViewsApp;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * What the query routes share: the application, how to read locally, how to reach the others.
 * Built once per server.
 */
final class QueryServices {

    private final ViewsApp app;
    private final RestConfig config;
    private final PartitionOwners owners;
    private final LocalAnswerer local;
    private final KeyRouter router;
    private final ScatterGather scatter;
    private final Forwarder forwarder;
    private final HostInfo self;

    QueryServices(ViewsApp app, RestConfig config, HostInfo self) {
        this.app = app;
        this.config = config;
        this.self = self;
        this.owners = new PartitionOwners(app.streams(), config.retryAfter());
        this.local = new LocalAnswerer(new LocalRoles(app), new LocalReader(app.streams()), self.host() + ":" + self.port());
        this.forwarder = new Forwarder(config.connectTimeout(), config.requestTimeout(), HttpPeerSecurity.of(config));
        Peers peers = new Peers(owners, local, forwarder, self, new HostTrouble(), config.retryAfter());
        this.router = new KeyRouter(peers);
        this.scatter = new ScatterGather(peers);
    }

    ViewsApp app() {
        return app;
    }

    RestConfig config() {
        return config;
    }

    PartitionOwners owners() {
        return owners;
    }

    LocalAnswerer local() {
        return local;
    }

    KeyRouter router() {
        return router;
    }

    ScatterGather scatter() {
        return scatter;
    }

    Forwarder forwarder() {
        return forwarder;
    }

    HostInfo self() {
        return self;
    }

    /** A 404 naming the store when the topology does not have it (a view that is not built yet). */
    void requireServed(ViewStores store) {
        if (!app.stores().serves(store)) {
            throw ApiError.storeNotServed(store.storeName());
        }
    }

    /** The forwarding header of a request, if it is a forwarded one. */
    static Optional<ForwardedScope> scope(String headerValue) {
        return Optional.ofNullable(headerValue).map(ForwardedScope::parse);
    }
}
