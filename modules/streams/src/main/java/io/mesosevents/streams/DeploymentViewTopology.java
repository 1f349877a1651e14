package io.mesosevents.streams;

import io.mesosevents.model.Topic;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.state.DeploymentView;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The deployments view: the deployment records of {@code marathon.events} folded into one
 * DeploymentView per {@code <cluster>/<deployment id>} in the queryable store {@code deployments},
 * every change written to the compacted {@code view.deployments}.
 *
 * <p>The ingestor keys deployment records by {@code <cluster>/<plan id>} already and the output keeps
 * that key, so the view needs no repartitioning and two clusters never collide. Only deployment
 * payloads are read ({@link DeploymentSubject}); the rules of the row are in {@link DeploymentViewFold},
 * ordering and retention in {@link DeploymentViewProcessor}.
 *
 * <p>Other views read {@code marathon.events} too, and a topic may be the source of a topology only
 * once, so the caller creates the source stream and hands it in.
 */
public final class DeploymentViewTopology {

    /** Positions of the events that last changed each row, kept beside the {@code deployments} store. */
    static final String POSITION_STORE = "deployment-positions";

    private DeploymentViewTopology() {
    }

    /**
     * Adds the deployments view to {@code builder}: {@code marathonEvents} → store {@code deployments}
     * → {@code view.deployments} under {@code topicPrefix}. A finished deployment is removed (a
     * tombstone) once {@code finishedRetention} has passed since it finished.
     *
     * @param marathonEvents the {@code marathon.events} stream of {@code builder}, shared with other views
     * @return the row changes written to {@code view.deployments}; a null value is a tombstone
     * @throws IllegalArgumentException when {@code finishedRetention} is negative
     */
    public static KStream<String, DeploymentView> addTo(KStream<String, MarathonEvent> marathonEvents,
                                                        StreamsBuilder builder, String topicPrefix,
                                                        ViewSerdes serdes, Duration finishedRetention) {
        Objects.requireNonNull(finishedRetention, "finishedRetention");
        if (finishedRetention.isNegative()) {
            throw new IllegalArgumentException("finishedRetention must not be negative: " + finishedRetention);
        }
        String rowStore = ViewStores.DEPLOYMENTS.storeName();
        builder.addStateStore(serdes.rowStore(rowStore, DeploymentView.class));
        builder.addStateStore(serdes.positionStore(POSITION_STORE));

        KStream<String, DeploymentView> changes = marathonEvents
                .filter((key, event) -> event != null && DeploymentSubject.of(event).isPresent(),
                        Named.as("deployment-events"))
                .process(() -> new DeploymentViewProcessor(finishedRetention), Named.as("deployment-view"),
                        rowStore, POSITION_STORE);
        serdes.publish(changes, Topic.VIEW_DEPLOYMENTS.name(topicPrefix), DeploymentView.class, "view-deployments");
        return changes;
    }
}
