package io.mesosevents.registry.server;

import static io.mesosevents.registry.testing.Schemas.oneField;
import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.registry.testing.RawHttp;
import io.mesosevents.registry.testing.RawHttp.Answer;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An append reported as failed may have been written: the registry must answer as if it had been. */
class RegistryAppendFailureTest {

    private static final Schema A = oneField("A");
    private static final Schema B = oneField("B");

    private final FaultySchemaLog log = new FaultySchemaLog();
    private SchemaRegistryServer server;
    private RawHttp http;

    @BeforeEach
    void start() {
        server = new SchemaRegistryServer(SchemaRegistryServerConfig.of(log)).start();
        http = new RawHttp(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aFailedAppendThatLandedKeepsItsIdFromOtherSchemas() {
        log.failNextAppendAfterWriting();
        assertStoreError(http.register("a", A.toString()));

        assertThat(http.register("b", B.toString()).json().get("id").asInt()).isEqualTo(2);
        assertThat(new Schema.Parser().parse(http.get("/schemas/ids/1").json().get("schema").asText())).isEqualTo(A);
        assertThat(http.register("a", A.toString()).json().get("id").asInt()).as("A is registered already").isEqualTo(1);
        assertThat(http.get("/subjects/a/versions").body()).isEqualTo("[1]");

        server.close();
        start();
        assertThat(new Schema.Parser().parse(http.get("/schemas/ids/2").json().get("schema").asText()))
                .as("a restart serves what was answered before it").isEqualTo(B);
    }

    @Test
    void answersUnavailableUntilTheLogCanBeReplayed() {
        log.failNextAppendAfterWriting();
        assertStoreError(http.register("a", A.toString()));
        log.failReplays(true);

        Answer read = http.get("/subjects");
        assertStoreError(read);
        assertThat(read.message()).contains("unavailable");
        assertStoreError(http.register("b", B.toString()));

        log.failReplays(false);
        assertThat(http.get("/subjects").body()).isEqualTo("[\"a\"]");
        assertThat(http.register("b", B.toString()).json().get("id").asInt()).isEqualTo(2);
    }

    private static void assertStoreError(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(500);
        assertThat(answer.errorCode()).as(answer.body()).isEqualTo(50001);
    }
}
