package io.mesosevents.mesos;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** Where to subscribe: asked again before every (re)connect, since the leader may have moved. */
interface MasterLocator {

    /** Master base URLs to try, in order. */
    List<URI> candidates() throws IOException, InterruptedException;

    static MasterLocator of(MesosClientConfig config) {
        URI first = config.masters().get(0);
        if (MesosClientConfig.isZooKeeper(first)) {
            return new ZooKeeperLeaderLocator(first, config.connectTimeout(), config.zkLeaderScheme());
        }
        List<URI> masters = config.masters();
        return () -> masters;
    }
}
