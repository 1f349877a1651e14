package io.mesosevents.marathon;

/** How a session receives Marathon's events. */
public enum Transport {
    /** Server-sent events from {@code GET /v2/events}. */
    SSE,
    /** HTTP callbacks that Marathon POSTs to a registered URL (Marathon up to 1.4). */
    CALLBACK
}
