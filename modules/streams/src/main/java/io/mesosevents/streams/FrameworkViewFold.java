package io.mesosevents.streams;

import static io.mesosevents.streams.CarriedFields.ifCarried;
import static io.mesosevents.streams.CarriedFields.ifNotEmpty;

import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosEventType;
import io.mesosevents.model.mesos.MesosFrameworkEvent;
import io.mesosevents.model.state.FrameworkView;

/**
 * Folds one framework event into the framework's row: a pure function, so it is tested without Kafka.
 *
 * <p>FRAMEWORK_REMOVED and GONE delete the row (the result is null, a tombstone in
 * {@code state.frameworks}): a removed framework is no longer current state, even though
 * FRAMEWORK_REMOVED still describes it. Any other event (FRAMEWORK_ADDED, FRAMEWORK_UPDATED, a
 * snapshot record) restates the framework; a field it does not carry (null, or an empty list or
 * map) keeps its previous value, because FRAMEWORK_UPDATED may carry fewer fields than
 * FRAMEWORK_ADDED. The price: roles, capabilities or labels that really became empty stay as they
 * were until the framework is removed.
 */
final class FrameworkViewFold {

    private FrameworkViewFold() {
    }

    /**
     * The row after {@code event}, or null when the framework is deleted; {@code previous} is null
     * for a framework not seen.
     */
    static FrameworkView apply(FrameworkView previous, MesosFrameworkEvent event) {
        EventMeta meta = event.getMeta();
        if (meta.getKind() == EventKind.GONE || event.getEventType() == MesosEventType.FRAMEWORK_REMOVED) {
            return null;
        }
        FrameworkView.Builder row = previous != null ? FrameworkView.newBuilder(previous) : FrameworkView.newBuilder();
        row.setCluster(meta.getCluster()).setFrameworkId(event.getFrameworkId());
        ifCarried(event.getName(), row::setName);
        ifCarried(event.getUser(), row::setUser);
        ifCarried(event.getPrincipal(), row::setPrincipal);
        ifCarried(event.getHostname(), row::setHostname);
        ifCarried(event.getWebuiUrl(), row::setWebuiUrl);
        ifNotEmpty(event.getRoles(), row::setRoles);
        ifCarried(event.getActive(), row::setActive);
        ifCarried(event.getConnected(), row::setConnected);
        ifCarried(event.getRecovered(), row::setRecovered);
        ifCarried(event.getCheckpoint(), row::setCheckpoint);
        ifCarried(event.getFailoverTimeoutSeconds(), row::setFailoverTimeoutSeconds);
        ifCarried(event.getRegisteredTime(), row::setRegisteredTime);
        ifCarried(event.getReregisteredTime(), row::setReregisteredTime);
        ifCarried(event.getUnregisteredTime(), row::setUnregisteredTime);
        ifNotEmpty(event.getCapabilities(), row::setCapabilities);
        ifNotEmpty(event.getLabels(), row::setLabels);
        return row.setUpdatedAt(meta.getIngestTimestamp()).setLastSessionId(meta.getSessionId())
                .setLastSequence(meta.getSequence()).build();
    }
}
