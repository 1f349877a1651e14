package io.mesosevents.bench;

import io.mesosevents.ingestor.MesosIngestion;
import io.mesosevents.ingestor.MesosIngestionConfig;
import io.mesosevents.ingestor.metrics.IngestMetrics;
import io.mesosevents.model.AvroClassTrust;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Child JVM: the ingestor, alone in its JVM so that its heap is measured without the broker's and
 * the simulator's. Ingests the master at {@code args[0]} as cluster {@value #CLUSTER} into the
 * Kafka at {@code args[1]} with the schema registry at {@code args[2]}, under topic prefix
 * {@code args[3]}. Says {@code started} once {@link MesosIngestion#start} returned (the producer is
 * ready and subscribing begins) or, when {@code args[4]} is {@code master-starts-later}, once its
 * first attempt was refused; on {@code stop} reports its heap, whether it was fenced and how long
 * its snapshot took from decoded to committed, then ends.
 */
public final class IngestorChild {

    private static final String CLUSTER = "bench";
    static final String MASTER_STARTS_LATER = "master-starts-later";
    static final String MASTER_LISTENS = "master-listens";

    private IngestorChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        JulToSlf4j.install();
        AvroClassTrust.install();
        ParentPipe pipe = new ParentPipe();
        MesosIngestionConfig config = new MesosIngestionConfig(CLUSTER, ChildMesosClient.config(args[0]),
                Map.of("bootstrap.servers", args[1], "schema.registry.url", args[2]), args[3],
                MesosIngestionConfig.DEFAULT_KAFKA_TIMEOUT);
        HeapFigures.resetPeaks();
        // The registry `mesos-events ingest` meters into: metering is part of the ingestor's work.
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Being fenced needs no reaction here: the report says whether it happened.
        try (MesosIngestion ingestion = MesosIngestion.start(config, Clock.systemUTC(), new IngestMetrics(registry, Clock.systemUTC(), "mesos"), () -> { })) {
            if (args[4].equals(MASTER_STARTS_LATER)) {
                ChildMesosClient.awaitFirstRefusal(ingestion::reconnects);
            }
            pipe.say(new ReportLine("started", Map.of()));
            // Nothing else is asked of the ingestor: it is watched through what it commits to Kafka.
            pipe.awaitStop();
            HeapFigures heap = HeapFigures.measure();
            Map<String, String> values = new LinkedHashMap<>();
            heap.addTo(values);
            values.put("fenced", Boolean.toString(ingestion.fenced()));
            values.put("snapshot-commit-nanos", Long.toString(snapshotCommitNanos(registry)));
            pipe.say(new ReportLine("ingestor", values));
        }
    }

    /**
     * The ingestor's own figure for its snapshot, from decoded to committed ({@code -1} before
     * one): with the harness's figure from subscribing to committed, it splits the snapshot's time
     * into the source's part and the ingestor's. With several snapshots, their mean.
     */
    private static long snapshotCommitNanos(PrometheusMeterRegistry registry) {
        Timer snapshots = registry.find("mesos.events.ingest.snapshot.duration").timer();
        return snapshots == null || snapshots.count() == 0 ? -1 : (long) snapshots.mean(TimeUnit.NANOSECONDS);
    }
}
