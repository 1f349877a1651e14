package io.mesosevents.ingestor;

import io.mesosevents.client.BackoffPolicy;
import io.mesosevents.mesos.MesosClientConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ingestor replica in a JVM of its own, started as the CLI starts one: {@link IngestionReplica}
 * joins the source's election and ingests once elected. Arguments: cluster, topic prefix, master
 * URLs separated by commas, then Kafka client properties as {@code key=value}. Prints a line when
 * it is ready (elected and its snapshot written), and runs until it is killed or its parent goes
 * away (its stdin closes).
 */
public final class IngestorProcess {

    static final String LINE_PREFIX = "ingestor: ";
    static final String READY = "ready";
    // Short, so that a cut is followed by a resubscription at once and the run stays quick.
    private static final BackoffPolicy BACKOFF = new BackoffPolicy(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(5));

    private IngestorProcess() {
    }

    /** Starts a replica of {@code cluster}'s ingestor in a child JVM. */
    static ChildJvm start(String cluster, String topicPrefix, List<String> masters, Map<String, Object> kafka) throws IOException {
        List<String> args = new ArrayList<>(List.of(cluster, topicPrefix, String.join(",", masters)));
        kafka.forEach((key, value) -> args.add(key + "=" + value));
        return ChildJvm.start("ingestor", LINE_PREFIX, IngestorProcess.class, args.toArray(String[]::new));
    }

    /** The settings of a replica that {@link #start} starts with these arguments. */
    static MesosIngestionConfig config(String cluster, String topicPrefix, List<String> masters, Map<String, Object> kafka) {
        return new MesosIngestionConfig(cluster, MesosClientConfig.forMasters(masters.stream().map(URI::create).toList()).withBackoff(BACKOFF),
                kafka, topicPrefix, MesosIngestionConfig.DEFAULT_KAFKA_TIMEOUT);
    }

    public static void main(String[] args) throws IOException {
        // No AvroClassTrust.install() here: the replica must trust the model's classes itself.
        Map<String, Object> kafka = new HashMap<>();
        for (String property : Arrays.copyOfRange(args, 3, args.length)) {
            String[] keyValue = property.split("=", 2);
            kafka.put(keyValue[0], keyValue[1]);
        }
        MesosIngestionConfig config = config(args[0], args[1], List.of(args[2].split(",")), kafka);
        IngestionReplica replica = IngestionReplica.start(config, Clock.systemUTC(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        Thread announcer = new Thread(() -> announceWhenReady(replica), "ready-announcer");
        announcer.setDaemon(true);
        announcer.start();
        // A test run that dies without killing this process must not leave it behind.
        System.in.transferTo(OutputStream.nullOutputStream());
        System.exit(0);
    }

    private static void announceWhenReady(IngestionReplica replica) {
        try {
            while (!replica.ready()) {
                Thread.sleep(20);
            }
            System.out.println(LINE_PREFIX + READY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
