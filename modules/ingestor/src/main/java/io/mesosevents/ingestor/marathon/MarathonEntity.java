package io.mesosevents.ingestor.marathon;

import io.mesosevents.model.MarathonResyncType;

/** What a Marathon resync reconciles: apps, pods and deployments. */
public enum MarathonEntity {
    APP("app", MarathonResyncType.APP_GONE),
    POD("pod", MarathonResyncType.POD_GONE),
    DEPLOYMENT("deployment", MarathonResyncType.DEPLOYMENT_GONE);

    private final String label;
    private final MarathonResyncType gone;

    MarathonEntity(String label, MarathonResyncType gone) {
        this.label = label;
        this.gone = gone;
    }

    /** As {@code EntityGone.entityType} names it. */
    public String label() {
        return label;
    }

    /** The record type that says such an entity vanished. */
    public MarathonResyncType gone() {
        return gone;
    }
}
