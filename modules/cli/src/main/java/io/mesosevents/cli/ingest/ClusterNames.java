package io.mesosevents.cli.ingest;

import java.net.URI;
import java.util.List;

/** The default cluster name when {@code --cluster} is not given. */
final class ClusterNames {

    private ClusterNames() {
    }

    /**
     * The host of the first master address (the first ZooKeeper server for {@code zk://}), in the
     * characters a cluster name may hold. Stable across restarts with the same configuration;
     * a failover to another listed master keeps it, since it names the configuration, not the leader.
     */
    static String fromMasters(List<URI> masters) {
        URI first = masters.get(0);
        String host = first.getHost() != null ? first.getHost() : first.getAuthority().split("[,:@]")[0];
        return host.replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
