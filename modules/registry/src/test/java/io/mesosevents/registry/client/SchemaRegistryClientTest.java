package io.mesosevents.registry.client;

import static io.mesosevents.registry.testing.Schemas.oneField;
import static io.mesosevents.registry.testing.Schemas.twoFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mesosevents.registry.CompatibilityLevel;
import io.mesosevents.registry.server.InMemorySchemaLog;
import io.mesosevents.registry.server.SchemaRegistryServer;
import io.mesosevents.registry.server.SchemaRegistryServerConfig;
import io.mesosevents.registry.testing.StubHttpServer;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every client call against the embedded registry, through a counting forwarder. */
class SchemaRegistryClientTest {

    private static final Schema V1 = oneField("Rec");
    private static final Schema V2 = twoFields("Rec", true);

    private SchemaRegistryServer server;
    private StubHttpServer proxy;
    private SchemaRegistryClient client;

    @BeforeEach
    void start() {
        server = new SchemaRegistryServer(SchemaRegistryServerConfig.of(new InMemorySchemaLog())).start();
        proxy = StubHttpServer.start(StubHttpServer.forwardTo(server.url()));
        client = SchemaRegistryClient.fromConfig(Map.of(SchemaRegistryClientConfig.URL, proxy.url()));
    }

    @AfterEach
    void stop() {
        proxy.close();
        server.close();
    }

    @Test
    void registersLooksUpAndReadsVersions() {
        int id1 = client.register("s", V1);
        int id2 = client.register("s", V2);
        assertThat(id2).isGreaterThan(id1);

        RegisteredSchema found = client.lookup("s", V2);
        assertThat(found).isEqualTo(new RegisteredSchema("s", id2, 2, V2.toString()));
        assertThat(found.avroSchema()).isEqualTo(V2);
        assertThat(client.subjects()).containsExactly("s");
        assertThat(client.versions("s")).containsExactly(1, 2);
        assertThat(client.version("s", 1).id()).isEqualTo(id1);
        assertThat(client.latestVersion("s").version()).isEqualTo(2);
        assertThat(client.schemaById(id1)).isEqualTo(V1);
    }

    @Test
    void deletesVersionsAndSubjects() {
        client.register("s", V1);
        client.register("s", V2);
        assertThat(client.deleteVersion("s", 2, false)).isEqualTo(2);
        assertThat(client.deleteVersion("s", 2, true)).isEqualTo(2);
        assertThat(client.deleteSubject("s", false)).containsExactly(1);
        assertThat(client.deleteSubject("s", true)).containsExactly(1);
        assertThat(client.subjects()).isEmpty();
    }

    @Test
    void registeringAgainAfterADeleteAsksTheRegistryAgain() {
        client.register("s", V1);
        client.deleteSubject("s", false);
        client.register("s", V1);
        assertThat(proxy.count("POST", "/subjects/s/versions")).isEqualTo(2);
        assertThat(client.versions("s")).containsExactly(2);
    }

    @Test
    void testsCompatibility() {
        client.register("s", V1);
        CompatibilityResult bad = client.testCompatibilityWithLatest("s", twoFields("Rec", false));
        assertThat(bad.compatible()).isFalse();
        assertThat(bad.messages()).anySatisfy(message -> assertThat(message).contains("'b'"));
        assertThat(client.testCompatibility("s", 1, V2)).isEqualTo(new CompatibilityResult(true, java.util.List.of()));
    }

    @Test
    void readsAndWritesCompatibilityLevels() {
        assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(client.setGlobalCompatibility(CompatibilityLevel.FULL_TRANSITIVE)).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);

        assertThat(client.subjectCompatibility("s")).isEmpty();
        assertThat(client.setSubjectCompatibility("s", CompatibilityLevel.NONE)).isEqualTo(CompatibilityLevel.NONE);
        assertThat(client.subjectCompatibility("s")).contains(CompatibilityLevel.NONE);
        assertThat(client.deleteSubjectCompatibility("s")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(client.subjectCompatibility("s")).isEmpty();
    }

    @Test
    void idsAndSchemasAreFetchedOnce() {
        int id = client.register("s", V1);
        client.register("s", V1);
        client.register("s", oneField("Rec"));
        assertThat(proxy.count("POST", "/subjects/s/versions")).isEqualTo(1);

        // The id of a schema this client registered is already known.
        client.schemaById(id);
        assertThat(proxy.count("GET", "/schemas/ids/" + id)).isZero();

        SchemaRegistryClient fresh = SchemaRegistryClient.fromConfig(Map.of(SchemaRegistryClientConfig.URL, proxy.url()));
        assertThat(fresh.schemaById(id)).isEqualTo(V1);
        assertThat(fresh.schemaById(id)).isEqualTo(V1);
        assertThat(proxy.count("GET", "/schemas/ids/" + id)).isEqualTo(1);

        fresh.lookup("s", V1);
        fresh.lookup("s", V1);
        assertThat(proxy.count("POST", "/subjects/s")).isEqualTo(1);
    }

    @Test
    void subjectNamesAreEncoded() {
        String subject = "a/b c?d&e";
        client.register(subject, V1);
        assertThat(client.subjects()).containsExactly(subject);
        assertThat(client.latestVersion(subject).subject()).isEqualTo(subject);
        assertThat(proxy.requests().get(0).pathAndQuery()).isEqualTo("/subjects/a%2Fb%20c%3Fd%26e/versions");
    }

    @Test
    void registryErrorsCarryStatusCodeAndMessage() {
        assertThatThrownBy(() -> client.latestVersion("nope"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40401);
                    assertThat(e.registryMessage()).isEqualTo("Subject 'nope' not found.");
                    assertThat(e.url()).startsWith(proxy.url());
                    assertThat(e.getMessage()).contains("404", "40401", "Subject 'nope' not found.");
                });
        client.register("s", V1);
        assertThatThrownBy(() -> client.register("s", twoFields("Rec", false)))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409));
        assertThatThrownBy(() -> client.schemaById(42))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
    }
}
