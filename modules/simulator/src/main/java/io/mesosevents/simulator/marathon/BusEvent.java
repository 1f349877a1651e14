package io.mesosevents.simulator.marathon;

/**
 * One event of Marathon's event bus, as every stream and callback gets it.
 *
 * @param eventType the {@code eventType}, also the SSE {@code event:} name
 * @param json      the event as one line of JSON, {@code eventType} and {@code timestamp} included
 */
record BusEvent(String eventType, String json) {
}
