package io.mesosevents.bench;

import io.mesosevents.client.BackoffPolicy;
import io.mesosevents.mesos.MesosClientConfig;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/** How a child JVM subscribes to the simulated master. */
final class ChildMesosClient {

    /**
     * The stream measurement starts the child before the master, so that the master's first event
     * already has a subscriber: retrying every few milliseconds keeps the gap, and with it the
     * events folded into the first snapshot instead of streamed, small.
     */
    private static final BackoffPolicy RETRY_AT_ONCE = new BackoffPolicy(Duration.ofMillis(2), Duration.ofMillis(10), Duration.ofSeconds(60));

    private ChildMesosClient() {
    }

    private static final Duration REFUSAL_WAIT = Duration.ofSeconds(30);

    static MesosClientConfig config(String masterUrl) {
        return MesosClientConfig.forMasters(List.of(URI.create(masterUrl))).withBackoff(RETRY_AT_ONCE);
    }

    /**
     * Waits until a subscriber's first attempt was refused (its {@code reconnects} count moved):
     * its HTTP client is then loaded and retrying, so once the master listens it subscribes within
     * a retry, not after a cold start. Gives up quietly after a while, since a master that answered
     * never refuses.
     */
    static void awaitFirstRefusal(LongSupplier reconnects) throws InterruptedException {
        long deadline = System.nanoTime() + REFUSAL_WAIT.toNanos();
        while (reconnects.getAsLong() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }
}
