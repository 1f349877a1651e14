package io.mesosevents.ingestor;

import io.mesosevents.ingestor.leader.LeaderElection;
import io.mesosevents.ingestor.leader.LeaderElectionConfig;
import io.mesosevents.ingestor.leader.LeadershipListener;
import io.mesosevents.ingestor.metrics.IngestMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One of possibly several ingestor replicas of a source. Exactly one replica ingests: the one the
 * source's consumer group elects ({@link LeaderElection}). It ingests while it leads and stops when
 * it does not; the shared transactional id fences a replica that has not yet noticed it lost.
 */
public final class IngestionReplica implements AutoCloseable {

    private final AtomicReference<MesosIngestion> active = new AtomicReference<>();
    private final LeaderElection election;

    private IngestionReplica(MesosIngestionConfig config, Clock clock, IngestMetrics metrics) {
        // Built before the election so that the listener never sees a half-made replica.
        AtomicReference<LeaderElection> electionRef = new AtomicReference<>();
        LeadershipListener listener = new LeadershipListener() {
            @Override
            public void elected() {
                active.set(MesosIngestion.start(config, clock, metrics, () -> electionRef.get().resign()));
            }

            @Override
            public void revoked() {
                MesosIngestion stopping = active.getAndSet(null);
                if (stopping != null) {
                    stopping.close();
                }
            }
        };
        this.election = LeaderElection.start(
                LeaderElectionConfig.of(config.clientProperties(), config.topicPrefix(), config.transactionalId()), listener);
        electionRef.set(election);
    }

    /** Joins the source's election; ingestion starts if and when this replica is elected. */
    public static IngestionReplica start(MesosIngestionConfig config, Clock clock, MeterRegistry registry) {
        return new IngestionReplica(config, clock, new IngestMetrics(registry, clock));
    }

    /** True while this replica leads and its ingestion has written a snapshot. */
    public boolean ready() {
        MesosIngestion ingestion = active.get();
        return ingestion != null && ingestion.ready();
    }

    /** True while this replica leads. */
    public boolean leading() {
        return active.get() != null;
    }

    @Override
    public void close() {
        // Closing the election revokes leadership, which stops the ingestion.
        election.close();
    }
}
