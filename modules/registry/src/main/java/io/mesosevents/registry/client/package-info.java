/**
 * A client for the Confluent Schema Registry REST API with caching, retries, fail-over, basic auth
 * and TLS; entry point {@link io.mesosevents.registry.client.SchemaRegistryClient}.
 */
package io.mesosevents.registry.client;
