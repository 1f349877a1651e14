package io.mesosevents.ingestor.mesos;

import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosEventType;
import io.mesosevents.model.mesos.MesosFrameworkEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.master.Protos.Response.GetFrameworks.Framework;

/**
 * Mesos frameworks as {@link MesosFrameworkEvent}s: a framework with its master-side state
 * (FRAMEWORK_ADDED/UPDATED, snapshot {@code frameworks} and {@code completed_frameworks}) or a bare
 * FrameworkInfo (FRAMEWORK_REMOVED, snapshot {@code recovered_frameworks}).
 */
final class FrameworkRecords {

    private FrameworkRecords() {
    }

    /** Whether the framework info names the framework; optional in the proto, but the record's key. */
    static boolean identified(FrameworkInfo info) {
        return !info.getId().getValue().isEmpty();
    }

    static MesosFrameworkEvent of(EventMeta meta, MesosEventType eventType, Framework framework) {
        return info(meta, eventType, framework.getFrameworkInfo())
                .setActive(framework.hasActive() ? framework.getActive() : null)
                .setConnected(framework.hasConnected() ? framework.getConnected() : null)
                .setRecovered(framework.hasRecovered() ? framework.getRecovered() : null)
                .setRegisteredTime(framework.hasRegisteredTime() ? MesosTimes.of(framework.getRegisteredTime()) : null)
                .setReregisteredTime(framework.hasReregisteredTime()
                        ? MesosTimes.of(framework.getReregisteredTime()) : null)
                .setUnregisteredTime(framework.hasUnregisteredTime()
                        ? MesosTimes.of(framework.getUnregisteredTime()) : null)
                .build();
    }

    /**
     * A FRAMEWORK_REMOVED: the event holds only the FrameworkInfo, so the master-side state (active,
     * connected, times) stays null; the removal itself is the event type.
     */
    static MesosFrameworkEvent removed(EventMeta meta, FrameworkInfo info) {
        return withoutState(info(meta, MesosEventType.FRAMEWORK_REMOVED, info)).build();
    }

    /**
     * An entry of the snapshot's deprecated {@code recovered_frameworks} (empty since Mesos 1.2): a
     * framework that has not re-subscribed since the master failed over. It is written the way
     * newer masters report such a framework in {@code frameworks}: recovered, neither active nor
     * connected.
     */
    static MesosFrameworkEvent recovered(EventMeta meta, FrameworkInfo info) {
        return withoutState(info(meta, MesosEventType.SUBSCRIBED, info))
                .setActive(false)
                .setConnected(false)
                .setRecovered(true)
                .build();
    }

    private static MesosFrameworkEvent.Builder withoutState(MesosFrameworkEvent.Builder builder) {
        return builder.setActive(null).setConnected(null).setRecovered(null)
                .setRegisteredTime(null).setReregisteredTime(null).setUnregisteredTime(null);
    }

    private static MesosFrameworkEvent.Builder info(EventMeta meta, MesosEventType eventType, FrameworkInfo info) {
        List<String> capabilities = new ArrayList<>(info.getCapabilitiesCount());
        for (FrameworkInfo.Capability capability : info.getCapabilitiesList()) {
            capabilities.add(ProtoEnums.name(capability, FrameworkInfo.Capability.TYPE_FIELD_NUMBER)
                    .orElse(capability.getType().name()));
        }
        return MesosFrameworkEvent.newBuilder()
                .setMeta(meta)
                .setEventType(eventType)
                .setFrameworkId(info.getId().getValue())
                .setName(info.hasName() ? info.getName() : null)
                .setUser(info.hasUser() ? info.getUser() : null)
                .setPrincipal(info.hasPrincipal() ? info.getPrincipal() : null)
                .setHostname(info.hasHostname() ? info.getHostname() : null)
                .setWebuiUrl(info.hasWebuiUrl() ? info.getWebuiUrl() : null)
                .setRoles(roles(info))
                .setCheckpoint(info.hasCheckpoint() ? info.getCheckpoint() : null)
                .setFailoverTimeoutSeconds(info.hasFailoverTimeout() ? info.getFailoverTimeout() : null)
                .setCapabilities(capabilities)
                .setLabels(LabelMaps.of(info.getLabels()));
    }

    /** MULTI_ROLE frameworks list their roles; older ones have the single, deprecated {@code role}. */
    @SuppressWarnings("deprecation") // `role` is read on purpose: older frameworks set nothing else
    private static List<String> roles(FrameworkInfo info) {
        List<String> roles = new ArrayList<>(info.getRolesList());
        if (roles.isEmpty() && info.hasRole()) {
            roles.add(info.getRole());
        }
        return roles;
    }
}
