'use strict';
// Reads one mesos-events topic and prints every record, decoded from the schema registry wire
// format (magic byte 0, 4-byte schema id, Avro binary). Settings come from the environment; see README.md.

const { Kafka, logLevel } = require('kafkajs');
const { SchemaRegistry } = require('@kafkajs/confluent-schema-registry');

const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',');
const registryUrl = process.env.SCHEMA_REGISTRY_URL || 'http://127.0.0.1:8081';
const topic = process.env.TOPIC || 'state.apps';
// Without GROUP_ID every run is a new group that commits nothing, so it reads the topic from the
// beginning: what a reader of a compacted state.* topic wants, to get the whole table.
const groupId = process.env.GROUP_ID || `mesos-events-node-example-${process.pid}-${Date.now()}`;
const commitOffsets = Boolean(process.env.GROUP_ID);
const maxRecords = Number(process.env.MAX_RECORDS || 0); // 0: until Ctrl-C

const kafka = new Kafka({ clientId: 'mesos-events-node-example', brokers, logLevel: logLevel.WARN });
const registry = new SchemaRegistry({ host: registryUrl });
// The platform writes in Kafka transactions: read committed records only (kafkajs' default, stated here).
const consumer = kafka.consumer({ groupId, readUncommitted: false });

// Same line as the Java example (modules/examples) prints for state.apps.
function appLine(key, app) {
  const desired = app.desiredInstances === null ? '?' : app.desiredInstances;
  return `${key} ${app.status} running ${app.running}/${desired} healthy ${app.healthy}` +
    ` unhealthy ${app.unhealthy} staged ${app.staged} failed ${app.failed}`;
}

// Avro bytes fields (raw payloads in the event topics) print as base64 rather than as arrays of numbers.
function jsonWithBase64(value) {
  return JSON.stringify(value, (name, v) =>
    v && v.type === 'Buffer' && Array.isArray(v.data) ? Buffer.from(v.data).toString('base64') : v);
}

async function describe(message) {
  const key = message.key === null ? null : message.key.toString('utf8');
  if (message.value === null) {
    return `${key} deleted`; // a tombstone: the entity is gone from the state table
  }
  const value = await registry.decode(message.value); // fetches the writer schema by id once, then caches it
  if (topic.endsWith('state.apps')) {
    return appLine(key, value);
  }
  return `${key} schema ${message.value.readInt32BE(1)} ${jsonWithBase64(value)}`;
}

let seen = 0;
let stopping = false;

async function stop(code) {
  if (stopping) return;
  stopping = true;
  await consumer.disconnect();
  process.exit(code);
}

async function main() {
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    autoCommit: commitOffsets,
    eachMessage: async ({ partition, message }) => {
      if (stopping || (maxRecords > 0 && seen >= maxRecords)) {
        return; // the rest of the fetched batch, after MAX_RECORDS
      }
      try {
        console.log(await describe(message));
      } catch (e) {
        // One undecodable record (unknown schema id, broken payload) is reported, not fatal.
        console.error(`undecodable record ${topic}-${partition}@${message.offset}: ${e.message}`);
      }
      seen += 1;
      if (maxRecords > 0 && seen >= maxRecords) {
        // Not awaited here: disconnect() waits for this very handler to return.
        setImmediate(() => stop(0));
      }
    },
  });
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
