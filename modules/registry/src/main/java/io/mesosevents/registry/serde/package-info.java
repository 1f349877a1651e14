/**
 * Kafka serializers and deserializers for Avro records in the Confluent wire format; entry point
 * {@link io.mesosevents.registry.serde.AvroSerdes}.
 */
package io.mesosevents.registry.serde;
