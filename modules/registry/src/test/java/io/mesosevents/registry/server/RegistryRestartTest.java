package io.mesosevents.registry.server;

import static io.mesosevents.registry.testing.Schemas.oneField;
import static io.mesosevents.registry.testing.Schemas.twoFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.registry.testing.RawHttp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A new server over the same log serves exactly what the previous one stored. */
class RegistryRestartTest {

    private static final List<String> READS = List.of(
            "/subjects", "/subjects?deleted=true", "/subjects/a/versions", "/subjects/a/versions/1",
            "/subjects/a/versions/latest", "/subjects/b/versions?deleted=true", "/schemas/ids/1", "/schemas/ids/2",
            "/schemas/ids/1/versions", "/config", "/config/a", "/config/b");

    @Test
    void idsVersionsAndSettingsSurviveARestart() {
        InMemorySchemaLog log = new InMemorySchemaLog();
        List<String> before;
        try (SchemaRegistryServer first = new SchemaRegistryServer(SchemaRegistryServerConfig.of(log)).start()) {
            RawHttp http = new RawHttp(first.url());
            http.register("a", oneField("Rec").toString());
            http.register("a", twoFields("Rec", true).toString());
            http.register("b", oneField("Rec").toString());
            http.register("c", oneField("Gone").toString());
            http.put("/config", "{\"compatibility\":\"FULL\"}");
            http.put("/config/a", "{\"compatibility\":\"NONE\"}");
            http.put("/config/b", "{\"compatibility\":\"FORWARD\"}");
            http.delete("/config/b");
            http.delete("/subjects/b");
            http.delete("/subjects/c");
            http.delete("/subjects/c?permanent=true");
            before = READS.stream().map(path -> snapshot(http, path)).toList();
        }

        try (SchemaRegistryServer second = new SchemaRegistryServer(SchemaRegistryServerConfig.of(log)).start()) {
            RawHttp http = new RawHttp(second.url());
            assertThat(READS.stream().map(path -> snapshot(http, path)).toList()).isEqualTo(before);
            // Id 3 went with subject c's permanent delete; ids never go back.
            assertThat(http.register("d", oneField("New").toString()).json().get("id").asInt()).isEqualTo(4);
            assertThat(http.register("a", twoFields("Rec", false).toString()).json().get("id").asInt())
                    .as("subject a keeps compatibility NONE").isEqualTo(5);
        }
    }

    @Test
    void idsOfPermanentlyDeletedSchemasStayTakenAfterCompaction() {
        CompactingSchemaLog log = new CompactingSchemaLog();
        try (SchemaRegistryServer first = new SchemaRegistryServer(SchemaRegistryServerConfig.of(log)).start()) {
            RawHttp http = new RawHttp(first.url());
            assertThat(http.register("a", oneField("A").toString()).json().get("id").asInt()).isEqualTo(1);
            assertThat(http.register("b", oneField("B").toString()).json().get("id").asInt()).isEqualTo(2);
            http.delete("/subjects/b");
            assertThat(http.delete("/subjects/b?permanent=true").status()).isEqualTo(200);
        }
        log.compact();

        try (SchemaRegistryServer second = new SchemaRegistryServer(SchemaRegistryServerConfig.of(log)).start()) {
            RawHttp http = new RawHttp(second.url());
            assertThat(http.get("/schemas/ids/2").status()).as("compaction dropped schema 2").isEqualTo(404);
            assertThat(http.register("c", oneField("C").toString()).json().get("id").asInt()).isEqualTo(3);
        }
    }

    private static String snapshot(RawHttp http, String path) {
        RawHttp.Answer answer = http.get(path);
        return path + " -> " + answer.status() + " " + answer.body();
    }
}
