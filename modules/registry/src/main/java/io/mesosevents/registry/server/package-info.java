/**
 * An embedded, Confluent-compatible schema registry whose state lives in a
 * {@link io.mesosevents.registry.server.SchemaLog} (a compacted Kafka topic or memory); entry
 * point {@link io.mesosevents.registry.server.SchemaRegistryServer}.
 */
package io.mesosevents.registry.server;
