package io.mesosevents.registry.server;

import static io.mesosevents.registry.testing.Schemas.oneField;
import static io.mesosevents.registry.testing.Schemas.twoFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mesosevents.registry.testing.RawHttp;
import io.mesosevents.registry.testing.RawHttp.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The registry's REST protocol over real HTTP, without the project's client. */
class RegistryApiTest {

    private static final Schema V1 = oneField("Rec");
    private static final Schema V2 = twoFields("Rec", true);
    private static final Schema REQUIRED_B = twoFields("Rec", false);

    private SchemaRegistryServer server;
    private RawHttp http;

    @BeforeEach
    void start() {
        server = new SchemaRegistryServer(SchemaRegistryServerConfig.of(new InMemorySchemaLog())).start();
        http = new RawHttp(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int register(String subject, Schema schema) {
        Answer answer = http.register(subject, schema.toString());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("id").asInt();
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asInt()));
        return values;
    }

    private static void assertError(Answer answer, int status, int errorCode) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith(RawHttp.V1_JSON);
        assertThat(answer.errorCode()).as(answer.body()).isEqualTo(errorCode);
        assertThat(answer.message()).isNotBlank();
        assertThat(answer.body()).doesNotContain("\tat ", "Exception");
    }

    @Test
    void rootAndSchemaTypes() {
        Answer root = http.get("/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.contentType()).startsWith(RawHttp.V1_JSON);
        assertThat(root.json().isObject()).isTrue();
        assertThat(root.json().size()).isZero();
        assertThat(http.get("/schemas/types").json().toString()).isEqualTo("[\"AVRO\"]");
    }

    @Nested
    class Registration {

        @Test
        void registersAndServesTheSchemaById() {
            Answer answer = http.register("orders-value", V1.toString());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.contentType()).startsWith(RawHttp.V1_JSON);
            int id = answer.json().get("id").asInt();

            Answer byId = http.get("/schemas/ids/" + id);
            assertThat(byId.status()).isEqualTo(200);
            assertThat(new Schema.Parser().parse(byId.json().get("schema").asText())).isEqualTo(V1);
            assertThat(http.get("/schemas/ids/" + id + "/versions").json().toString())
                    .isEqualTo("[{\"subject\":\"orders-value\",\"version\":1}]");
        }

        @Test
        void theSameSchemaUnderTwoSubjectsHasOneId() {
            int first = register("a-value", V1);
            int second = register("b-value", V1);
            assertThat(second).isEqualTo(first);
            assertThat(http.get("/schemas/ids/" + first + "/versions").json()).hasSize(2);
        }

        @Test
        void reRegisteringReturnsTheIdWithoutANewVersion() {
            int id = register("s", V1);
            // Same schema, other whitespace: equal once parsed.
            Answer again = http.register("s", V1.toString().replace(",", " ,\n  "));
            assertThat(again.json().get("id").asInt()).isEqualTo(id);
            assertThat(ints(http.get("/subjects/s/versions").json())).containsExactly(1);
        }

        @Test
        void idsAreGlobalAndIncreasingAndVersionsStartAtOne() {
            int first = register("s", V1);
            int second = register("s", V2);
            int third = register("t", oneField("Other"));
            assertThat(second).isGreaterThan(first);
            assertThat(third).isGreaterThan(second);
            assertThat(ints(http.get("/subjects/s/versions").json())).containsExactly(1, 2);
            assertThat(ints(http.get("/subjects/t/versions").json())).containsExactly(1);
        }

        @Test
        void rejectsInvalidSchemas() {
            assertError(http.register("s", "not a schema"), 422, 42201);
            assertError(http.register("s", "{\"type\":\"record\",\"fields\":[]}"), 422, 42201);
            assertError(http.post("/subjects/s/versions", "{}"), 422, 42201);
            assertError(http.post("/subjects/s/versions",
                    "{\"schema\":\"{}\",\"schemaType\":\"PROTOBUF\"}"), 422, 42201);
            assertError(http.post("/subjects/s/versions", "{\"schema\":" + quoted(V1) + ",\"references\":"
                    + "[{\"name\":\"x\",\"subject\":\"y\",\"version\":1}]}"), 422, 42201);
        }

        @Test
        void acceptsExplicitAvroTypeAndEmptyReferences() {
            Answer answer = http.post("/subjects/s/versions",
                    "{\"schema\":" + quoted(V1) + ",\"schemaType\":\"AVRO\",\"references\":[]}");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }

        @Test
        void subjectNamesMayHoldAnyCharacter() {
            String subject = "team/a b?c&d%e+ü-value";
            String encoded = URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
            register(encoded, V1);
            assertThat(http.get("/subjects").json().get(0).asText()).isEqualTo(subject);
            assertThat(http.get("/subjects/" + encoded + "/versions/1").json().get("subject").asText()).isEqualTo(subject);
        }
    }

    @Nested
    class Compatibility {

        @Test
        void incompatibleSchemaIsRefusedUnderBackwardWithTheReason() {
            register("s", V1);
            Answer refused = http.register("s", REQUIRED_B.toString());
            assertError(refused, 409, 409);
            assertThat(refused.message()).contains("READER_FIELD_MISSING_DEFAULT_VALUE", "'b'", "BACKWARD");
        }

        @Test
        void incompatibleSchemaIsAcceptedUnderNone() {
            register("s", V1);
            assertThat(http.put("/config/s", "{\"compatibility\":\"NONE\"}").status()).isEqualTo(200);
            register("s", REQUIRED_B);
            assertThat(ints(http.get("/subjects/s/versions").json())).containsExactly(1, 2);
        }

        @Test
        void forwardAllowsWhatBackwardRefuses() {
            register("s", V1);
            http.put("/config/s", "{\"compatibility\":\"FORWARD\"}");
            register("s", REQUIRED_B);
            http.put("/config/s", "{\"compatibility\":\"FULL\"}");
            assertError(http.register("s", oneField("Rec2").toString()), 409, 409);
        }

        @Test
        void transitiveLevelsCheckEveryLiveVersion() {
            // V1 -> V2 (b with default) -> REQUIRED_B: each step is backward compatible with the one before,
            // but REQUIRED_B cannot read V1 data (no b, no default).
            for (String subject : List.of("plain", "transitive")) {
                register(subject, V1);
                register(subject, V2);
            }
            http.put("/config/transitive", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");

            assertThat(http.register("plain", REQUIRED_B.toString()).status()).isEqualTo(200);
            Answer refused = http.register("transitive", REQUIRED_B.toString());
            assertError(refused, 409, 409);
            assertThat(refused.message()).contains("version 1").doesNotContain("version 2");
        }

        @Test
        void softDeletedVersionsAreNotChecked() {
            register("s", V1);
            http.delete("/subjects/s/versions/1");
            assertThat(http.register("s", oneField("Unrelated").toString()).status()).isEqualTo(200);
        }

        @Test
        void compatibilityEndpointAnswersWithAndWithoutMessages() {
            register("s", V1);
            String incompatible = RawHttp.schemaBody(REQUIRED_B.toString());

            Answer terse = http.post("/compatibility/subjects/s/versions/latest", incompatible);
            assertThat(terse.status()).isEqualTo(200);
            assertThat(terse.json().get("is_compatible").asBoolean()).isFalse();
            assertThat(terse.json().has("messages")).isFalse();

            Answer verbose = http.post("/compatibility/subjects/s/versions/1?verbose=true", incompatible);
            assertThat(verbose.json().get("is_compatible").asBoolean()).isFalse();
            assertThat(verbose.json().get("messages").get(0).asText())
                    .contains("READER_FIELD_MISSING_DEFAULT_VALUE", "'b'", "/fields/1");

            Answer ok = http.post("/compatibility/subjects/s/versions/latest?verbose=true", RawHttp.schemaBody(V2.toString()));
            assertThat(ok.json().get("is_compatible").asBoolean()).isTrue();
            assertThat(ok.json().get("messages")).isEmpty();
        }

        @Test
        void compatibilityEndpointErrors() {
            String body = RawHttp.schemaBody(V1.toString());
            assertThat(http.post("/compatibility/subjects/none/versions/latest", body).json().get("is_compatible").asBoolean())
                    .isTrue();
            assertError(http.post("/compatibility/subjects/none/versions/1", body), 404, 40401);
            register("s", V1);
            assertError(http.post("/compatibility/subjects/s/versions/7", body), 404, 40402);
            assertError(http.post("/compatibility/subjects/s/versions/zero", body), 422, 42202);
            assertError(http.post("/compatibility/subjects/s/versions/latest", RawHttp.schemaBody("{bad")), 422, 42201);
        }
    }

    @Nested
    class Reading {

        @Test
        void lookupFindsTheVersionOfASchema() {
            register("s", V1);
            int id = register("s", V2);
            JsonNode found = http.post("/subjects/s", RawHttp.schemaBody(V2.toString())).json();
            assertThat(found.get("subject").asText()).isEqualTo("s");
            assertThat(found.get("id").asInt()).isEqualTo(id);
            assertThat(found.get("version").asInt()).isEqualTo(2);
            assertThat(new Schema.Parser().parse(found.get("schema").asText())).isEqualTo(V2);
        }

        @Test
        void lookupErrors() {
            assertError(http.post("/subjects/nope", RawHttp.schemaBody(V1.toString())), 404, 40401);
            register("s", V1);
            assertError(http.post("/subjects/s", RawHttp.schemaBody(oneField("Other").toString())), 404, 40403);
            assertError(http.post("/subjects/s", RawHttp.schemaBody("nonsense")), 422, 42201);
        }

        @Test
        void unknownSchemaId() {
            assertError(http.get("/schemas/ids/99"), 404, 40403);
            assertError(http.get("/schemas/ids/99/versions"), 404, 40403);
        }

        @Test
        void versionsByNumberLatestAndMinusOne() {
            register("s", V1);
            int id2 = register("s", V2);
            JsonNode latest = http.get("/subjects/s/versions/latest").json();
            assertThat(latest.get("version").asInt()).isEqualTo(2);
            assertThat(latest.get("id").asInt()).isEqualTo(id2);
            assertThat(latest.get("subject").asText()).isEqualTo("s");
            assertThat(http.get("/subjects/s/versions/-1").json()).isEqualTo(latest);
            assertThat(http.get("/subjects/s/versions/1").json().get("version").asInt()).isEqualTo(1);

            Answer raw = http.get("/subjects/s/versions/1/schema");
            assertThat(raw.status()).isEqualTo(200);
            assertThat(new Schema.Parser().parse(raw.body())).isEqualTo(V1);
        }

        @Test
        void versionErrors() {
            assertError(http.get("/subjects/nope/versions"), 404, 40401);
            assertError(http.get("/subjects/nope/versions/1"), 404, 40401);
            register("s", V1);
            assertError(http.get("/subjects/s/versions/2"), 404, 40402);
            assertError(http.get("/subjects/s/versions/0"), 422, 42202);
            assertError(http.get("/subjects/s/versions/-2"), 422, 42202);
            assertError(http.get("/subjects/s/versions/first"), 422, 42202);
            assertThat(http.get("/subjects/s/versions/0").message()).contains("'0'", "latest");
        }

        @Test
        void subjectsListsLiveSubjectsAndDeletedOnesOnRequest() {
            register("b", V1);
            register("a", V1);
            http.delete("/subjects/b");
            assertThat(http.get("/subjects").json().toString()).isEqualTo("[\"a\"]");
            assertThat(http.get("/subjects?deleted=true").json().toString()).isEqualTo("[\"a\",\"b\"]");
        }
    }

    @Nested
    class Deletion {

        @Test
        void subjectIsSoftDeletedThenPermanently() {
            int id = register("s", V1);
            register("s", V2);
            assertError(http.delete("/subjects/s?permanent=true"), 404, 40405);

            assertThat(ints(http.delete("/subjects/s").json())).containsExactly(1, 2);
            assertError(http.delete("/subjects/s"), 404, 40404);
            assertError(http.get("/subjects/s/versions"), 404, 40401);
            assertThat(ints(http.get("/subjects/s/versions?deleted=true").json())).containsExactly(1, 2);
            assertThat(http.get("/subjects/s/versions/1?deleted=true").status()).isEqualTo(200);
            assertThat(http.get("/schemas/ids/" + id).status()).as("ids outlive soft deletes").isEqualTo(200);
            assertThat(http.post("/subjects/s?deleted=true", RawHttp.schemaBody(V1.toString())).status()).isEqualTo(200);

            assertThat(ints(http.delete("/subjects/s?permanent=true").json())).containsExactly(1, 2);
            assertError(http.get("/subjects/s/versions?deleted=true"), 404, 40401);
            assertError(http.get("/schemas/ids/" + id), 404, 40403);
            assertError(http.delete("/subjects/s"), 404, 40401);
        }

        @Test
        void permanentSubjectDeleteAlsoDropsItsCompatibility() {
            register("s", V1);
            http.put("/config/s", "{\"compatibility\":\"NONE\"}");
            http.delete("/subjects/s");
            http.delete("/subjects/s?permanent=true");
            assertError(http.get("/config/s"), 404, 40408);
        }

        @Test
        void versionIsSoftDeletedThenPermanently() {
            register("s", V1);
            register("s", V2);
            assertError(http.delete("/subjects/s/versions/1?permanent=true"), 404, 40407);
            assertThat(http.delete("/subjects/s/versions/1").json().asInt()).isEqualTo(1);
            assertError(http.delete("/subjects/s/versions/1"), 404, 40406);
            assertError(http.get("/subjects/s/versions/1"), 404, 40402);
            assertThat(ints(http.get("/subjects/s/versions").json())).containsExactly(2);

            assertThat(http.delete("/subjects/s/versions/1?permanent=true").json().asInt()).isEqualTo(1);
            assertError(http.get("/subjects/s/versions/1?deleted=true"), 404, 40402);
            assertError(http.delete("/subjects/s/versions/1"), 404, 40402);
        }

        @Test
        void latestVersionCanBeDeleted() {
            register("s", V1);
            register("s", V2);
            assertThat(http.delete("/subjects/s/versions/latest").json().asInt()).isEqualTo(2);
            assertThat(http.get("/subjects/s/versions/latest").json().get("version").asInt()).isEqualTo(1);
        }

        @Test
        void versionDeleteErrors() {
            assertError(http.delete("/subjects/nope/versions/1"), 404, 40401);
            register("s", V1);
            assertError(http.delete("/subjects/s/versions/5"), 404, 40402);
            assertError(http.delete("/subjects/s/versions/0"), 422, 42202);
        }

        @Test
        void reRegisteringASoftDeletedSchemaMakesANewVersionWithTheSameId() {
            int id = register("s", V1);
            http.delete("/subjects/s");
            assertThat(register("s", V1)).isEqualTo(id);
            assertThat(ints(http.get("/subjects/s/versions").json())).containsExactly(2);
        }
    }

    @Nested
    class Config {

        @Test
        void globalLevelDefaultsToBackwardAndCanBeSet() {
            assertThat(http.get("/config").json().toString()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
            Answer set = http.put("/config", "{\"compatibility\":\"full\"}");
            assertThat(set.status()).isEqualTo(200);
            assertThat(set.json().toString()).isEqualTo("{\"compatibility\":\"FULL\"}");
            assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("FULL");
        }

        @Test
        void subjectLevelOverridesTheGlobalOneUntilDeleted() {
            assertError(http.get("/config/s"), 404, 40408);
            assertThat(http.get("/config/s?defaultToGlobal=true").json().get("compatibilityLevel").asText())
                    .isEqualTo("BACKWARD");

            assertThat(http.put("/config/s", "{\"compatibility\":\"FORWARD_TRANSITIVE\"}").json().toString())
                    .isEqualTo("{\"compatibility\":\"FORWARD_TRANSITIVE\"}");
            assertThat(http.get("/config/s").json().get("compatibilityLevel").asText()).isEqualTo("FORWARD_TRANSITIVE");

            assertThat(http.delete("/config/s").json().toString()).isEqualTo("{\"compatibilityLevel\":\"FORWARD_TRANSITIVE\"}");
            assertError(http.get("/config/s"), 404, 40408);
            assertError(http.delete("/config/s"), 404, 40401);
        }

        @Test
        void invalidLevelsAreRefused() {
            assertError(http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
            assertError(http.put("/config/s", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
            assertError(http.put("/config/s", "{}"), 422, 42203);
        }
    }

    @Nested
    class Protocol {

        @Test
        void acceptsEveryRegistryRequestType() {
            for (String type : List.of("application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
                    "application/json", "application/octet-stream", "application/json; charset=utf-8")) {
                Answer answer = http.send("POST", "/subjects/s/versions", RawHttp.schemaBody(V1.toString()), type);
                assertThat(answer.status()).as(type).isEqualTo(200);
                assertThat(answer.contentType()).startsWith(RawHttp.V1_JSON);
            }
        }

        @Test
        void refusesOtherRequestTypes() {
            assertError(http.send("POST", "/subjects/s/versions", RawHttp.schemaBody(V1.toString()), "text/plain"), 415, 415);
        }

        @Test
        void malformedJsonIsABadRequest() {
            assertError(http.post("/subjects/s/versions", "{\"schema\":"), 400, 400);
            assertError(http.post("/subjects/s/versions", "[1]"), 400, 400);
        }

        @Test
        void unknownPathsAnswerJson() {
            assertError(http.get("/no/such/path"), 404, 404);
        }

        @Test
        void storeFailuresAnswer50001WithoutDetails() {
            server.close();
            server = new SchemaRegistryServer(SchemaRegistryServerConfig.of(new FailingLog())).start();
            http = new RawHttp(server.url());
            Answer answer = http.register("s", V1.toString());
            assertError(answer, 500, 50001);
            assertThat(answer.body()).doesNotContain("disk on fire");
        }
    }

    private static String quoted(Schema schema) {
        return RawHttp.schemaBody(schema.toString()).replaceFirst("^\\{\"schema\":", "").replaceFirst("}$", "");
    }

    /** A log whose writes always fail. */
    private static final class FailingLog implements SchemaLog {
        @Override
        public void append(SchemaLogRecord record) {
            throw new SchemaLogException("disk on fire");
        }

        @Override
        public void replay(Consumer<SchemaLogRecord> sink) {
        }
    }
}
