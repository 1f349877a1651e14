package io.mesosevents.streams.rest;

import com.fasterxml.jackson.databind.JsonNode;

/** A row of a collection with its store key, which orders and pages the collection. */
record KeyedRow(String key, JsonNode row) {
}
