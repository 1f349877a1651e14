package io.mesosevents.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.mesosevents.registry.client.SchemaRegistryClient;
import io.mesosevents.registry.client.SchemaRegistryClientConfig;
import io.mesosevents.registry.testing.Schemas;
import io.mesosevents.registry.testing.StubHttpServer;
import io.mesosevents.registry.testing.StubHttpServer.Reply;
import io.mesosevents.registry.testing.StubHttpServer.Request;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A registry that is slow to answer for one key holds up only the records that need that key, not
 * those whose key shares a bin of the serde's cache.
 */
class SlowRegistryTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Schema SCHEMA = Schemas.oneField("Rec");

    private final CountDownLatch slowCallArrived = new CountDownLatch(1);
    private final CountDownLatch releaseSlowCall = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final ExecutorService stubThreads = Executors.newCachedThreadPool();
    private StubHttpServer registry;
    private SchemaRegistryClient client;

    /** Starts a registry that answers every request at once, except {@code slowPath}, which waits for the test. */
    private void startRegistry(String slowPath) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(stubThreads);
        registry = StubHttpServer.start(server, "http", request -> answer(request, slowPath));
        client = SchemaRegistryClient.fromConfig(Map.of(SchemaRegistryClientConfig.URL, registry.url()));
    }

    @AfterEach
    void stop() {
        releaseSlowCall.countDown();
        if (registry != null) {
            registry.close();
        }
        callers.shutdownNow();
        stubThreads.shutdownNow();
    }

    @Test
    void aSlowSchemaFetchDoesNotHoldUpOtherIds() throws Exception {
        startRegistry("/schemas/ids/1");
        AvroDeserializer<GenericRecord> deserializer = AvroDeserializer.generic(client, Optional.empty());

        Future<GenericRecord> slow = callers.submit(() -> deserializer.deserialize("t", payload(1)));
        assertThat(slowCallArrived.await(10, TimeUnit.SECONDS)).isTrue();
        // Ids 1 and 17 fall into the same bin of a ConcurrentHashMap's first table (16 bins).
        Future<GenericRecord> other = callers.submit(() -> deserializer.deserialize("t", payload(17)));
        assertThat(other.get(5, TimeUnit.SECONDS).get("a")).hasToString("x");

        releaseSlowCall.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS).get("a")).hasToString("x");
    }

    @Test
    void aSlowLatestVersionFetchDoesNotHoldUpOtherSubjects() throws Exception {
        // "Aa" and "BB" have the same String hash, so their subjects share a bin of any hash table.
        startRegistry("/subjects/Aa-value/versions/latest");
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(client, new AvroSerdeConfig(false, true, false), false);

        Future<byte[]> slow = callers.submit(() -> serializer.serialize("Aa", record()));
        assertThat(slowCallArrived.await(10, TimeUnit.SECONDS)).isTrue();
        Future<byte[]> other = callers.submit(() -> serializer.serialize("BB", record()));
        assertThat(WireFormat.schemaId("BB", other.get(5, TimeUnit.SECONDS))).isEqualTo(7);

        releaseSlowCall.countDown();
        assertThat(WireFormat.schemaId("Aa", slow.get(10, TimeUnit.SECONDS))).isEqualTo(7);
    }

    private Reply answer(Request request, String slowPath) {
        if (request.pathAndQuery().equals(slowPath)) {
            slowCallArrived.countDown();
            try {
                releaseSlowCall.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Every schema id and every latest version is SCHEMA; latest versions have id 7.
        return new Reply(200, MAPPER.createObjectNode().put("subject", "s").put("version", 1).put("id", 7)
                .put("schema", SCHEMA.toString()).toString());
    }

    private static GenericRecord record() {
        GenericRecord record = new GenericData.Record(SCHEMA);
        record.put("a", "x");
        return record;
    }

    private static byte[] payload(int schemaId) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(WireFormat.header(schemaId));
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(SCHEMA).write(record(), encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
