package io.mesosevents.cli.ingest;

import io.mesosevents.client.Backoff;
import io.mesosevents.mesos.MasterFlags;
import io.mesosevents.mesos.MesosClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The default cluster name when {@code --cluster} is not given: derived from the master's own information. */
final class ClusterNames {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterNames.class);

    private ClusterNames() {
    }

    /**
     * The leading master's {@code --cluster} flag ({@code GET_FLAGS}), or, for a master started
     * without one, {@link #fromMasters}. Every replica asks the same masters, so all name the
     * cluster alike. Waits for a master to answer, retrying with the client's backoff: without the
     * name the ingestor cannot know which records in Kafka are its own.
     */
    static String fromMaster(MesosClientConfig config) throws InterruptedException {
        Backoff backoff = new Backoff(config.backoff(), () -> ThreadLocalRandom.current().nextDouble());
        while (true) {
            try {
                MasterFlags flags = MasterFlags.read(config);
                if (flags.cluster().isPresent()) {
                    String name = sanitized(flags.cluster().get());
                    LOG.info("Cluster name '{}' taken from the Mesos master's --cluster flag", name);
                    return name;
                }
                String name = fromMasters(config.masters());
                LOG.info("The Mesos master has no --cluster flag; naming the cluster '{}' after the first master address", name);
                return name;
            } catch (IOException e) {
                Duration delay = backoff.next();
                LOG.warn("Cannot ask the Mesos master for the cluster name ({}); retrying in {} ms (--cluster skips this)",
                        e.getMessage(), delay.toMillis());
                Thread.sleep(delay.toMillis());
            }
        }
    }

    /**
     * The host of the first master address (the first ZooKeeper server for {@code zk://}), in the
     * characters a cluster name may hold. Stable across restarts with the same configuration;
     * a failover to another listed master keeps it, since it names the configuration, not the leader.
     */
    static String fromMasters(List<URI> masters) {
        URI first = masters.get(0);
        return sanitized(first.getHost() != null ? first.getHost() : first.getAuthority().split("[,:@]")[0]);
    }

    private static String sanitized(String name) {
        return name.trim().replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
