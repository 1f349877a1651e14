package io.mesosevents.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Two serving instances of one views application ({@link RestInstanceChild}), A and B, each in a JVM
 * of its own on a free port of the loopback address, started together so that Kafka Streams splits
 * the store partitions between them.
 */
final class RestInstances implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestInstances.class);
    private static final Duration CHILD_START = Duration.ofSeconds(60);
    /** Changelog records a store copy may still be behind when loaded: transaction markers are counted by some lags. */
    private static final long LAG_TOLERANCE = 10;
    private static final Duration POLL = Duration.ofMillis(500);

    /** An instance as the others name it ({@code host:port}, its {@code application.server}) and its base URL. */
    record Instance(String name, URI base) {

        URI uri(String pathAndQuery) {
            return base.resolve(pathAndQuery);
        }
    }

    /** Which store partitions of {@code tasks} each instance is active for, by instance name. */
    record TaskPartitions(Map<String, List<Integer>> active) {
    }

    private final List<ChildJvm> jvms;
    private final Instance a;
    private final Instance b;

    private RestInstances(List<ChildJvm> jvms, Instance a, Instance b) {
        this.jvms = jvms;
        this.a = a;
        this.b = b;
    }

    /** @param childArgs the arguments of {@link ViewsChildConfig}; each instance adds its port */
    static RestInstances start(List<String> childArgs) throws InterruptedException {
        List<ChildJvm> jvms = new ArrayList<>();
        List<Instance> instances = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                int port = freePort();
                List<String> args = new ArrayList<>(childArgs);
                args.add(Integer.toString(port));
                jvms.add(ChildJvm.start(RestInstanceChild.class, args));
                String name = RestInstanceChild.HOST + ":" + port;
                instances.add(new Instance(name, URI.create("http://" + name + "/")));
            }
            for (ChildJvm jvm : jvms) {
                jvm.awaitLine("ready", CHILD_START);
            }
            jvms.forEach(jvm -> jvm.send("start"));
            for (ChildJvm jvm : jvms) {
                jvm.awaitLine("started", CHILD_START);
            }
            return new RestInstances(jvms, instances.get(0), instances.get(1));
        } catch (InterruptedException | RuntimeException e) {
            jvms.forEach(ChildJvm::close);
            throw e;
        }
    }

    Instance a() {
        return a;
    }

    Instance b() {
        return b;
    }

    /**
     * Waits until, as A reports it ({@code /api/v1/instances}), both instances are reachable, RUNNING
     * and ready, every store copy they hold (active and standby) is at most a few records behind, and
     * the {@code tasks} store's {@code partitions} partitions all have an active owner.
     */
    TaskPartitions awaitLoaded(RestCalls calls, int partitions, Deadline deadline) throws InterruptedException {
        String last = "no answer yet";
        while (true) {
            jvms.forEach(jvm -> {
                if (!jvm.alive()) {
                    throw new IllegalStateException("A serving instance's JVM ended while loading");
                }
            });
            RestCalls.Answer answer = calls.get(a.uri("api/v1/instances"));
            if (answer.status() == 200) {
                JsonNode instances = answer.json().path("data");
                last = instances.toString();
                TaskPartitions tasks = taskPartitions(instances);
                if (instances.size() == 2 && allLoaded(instances)
                        && tasks.active().values().stream().mapToInt(List::size).sum() == partitions) {
                    return tasks;
                }
            } else {
                last = "HTTP " + answer.status() + " " + answer.body();
            }
            if (System.nanoTime() > deadline.nanos()) {
                throw new IllegalStateException("The two instances did not load the views in time; last report: " + last);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    @Override
    public void close() {
        // B first: A then takes its partitions over alone, which nobody waits for.
        for (int i = jvms.size() - 1; i >= 0; i--) {
            jvms.get(i).close();
        }
        LOG.info("Stopped both serving instances");
    }

    private static boolean allLoaded(JsonNode instances) {
        for (JsonNode instance : instances) {
            if (!instance.path("reachable").asBoolean() || !instance.path("ready").asBoolean()
                    || !"RUNNING".equals(instance.path("state").asText())) {
                return false;
            }
            for (Iterator<JsonNode> stores = instance.path("stores").elements(); stores.hasNext(); ) {
                for (JsonNode lag : stores.next().path("lagRecords")) {
                    if (lag.asLong() > LAG_TOLERANCE) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static TaskPartitions taskPartitions(JsonNode instances) {
        Map<String, List<Integer>> active = new TreeMap<>();
        for (JsonNode instance : instances) {
            TreeSet<Integer> partitions = new TreeSet<>();
            instance.path("stores").path("tasks").path("active").forEach(partition -> partitions.add(partition.asInt()));
            active.put(instance.path("instance").asText(), List.copyOf(partitions));
        }
        return new TaskPartitions(active);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port", e);
        }
    }
}
