/**
 * The project's own Confluent-compatible schema registry support (Confluent's artifacts are not on
 * Maven Central): a REST {@linkplain io.mesosevents.registry.client client}, Avro
 * {@linkplain io.mesosevents.registry.serde serdes} in the Confluent wire format, and an embedded
 * {@linkplain io.mesosevents.registry.server registry server}.
 */
package io.mesosevents.registry;
