package io.mesosevents.streams.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The bundled OpenAPI description and the routes the server registers say the same. */
class OpenApiDocumentTest {

    private final JsonNode document = JsonBodies.read(new String(OperationsRoutes.openApiDocument(), StandardCharsets.UTF_8));

    @Test
    void everyRegisteredApiRouteIsDescribedAndEveryDescribedOneIsRegistered() {
        Set<String> registered = new TreeSet<>();
        RouteTable.routes().forEach(route -> registered.add(openApiPath(route.path())));
        Set<String> described = new TreeSet<>();
        document.path("paths").fieldNames().forEachRemaining(path -> {
            if (path.startsWith(RouteTable.API + "/")) {
                described.add(path);
            }
        });

        assertThat(described).isEqualTo(registered);
        assertThat(document.path("paths").has("/health")).isTrue();
        assertThat(document.path("paths").has("/ready")).isTrue();
        assertThat(document.path("paths").has("/metrics")).isTrue();
        assertThat(document.path("paths").has("/openapi.json")).isTrue();
        assertThat(document.path("openapi").asText()).startsWith("3.");
    }

    @Test
    void everyRouteDocumentsExactlyTheQueryParametersItTakes() {
        for (RouteTable.ApiRoute route : RouteTable.routes()) {
            JsonNode get = document.path("paths").path(openApiPath(route.path())).path("get");
            Set<String> documented = new TreeSet<>();
            List<String> pathParams = new ArrayList<>();
            for (JsonNode parameter : get.path("parameters")) {
                JsonNode resolved = resolve(parameter);
                assertThat(resolved.isMissingNode()).as("%s parameter %s", route.path(), parameter).isFalse();
                if (resolved.path("in").asText().equals("query")) {
                    documented.add(resolved.path("name").asText());
                } else {
                    pathParams.add(resolved.path("name").asText());
                }
            }

            assertThat(documented).as("query parameters of %s", route.path()).isEqualTo(new TreeSet<>(route.queryParams()));
            assertThat(pathParams).as("path parameters of %s", route.path())
                    .containsExactlyElementsOf(route.path().contains("<id>") ? List.of("id") : List.of());
            assertThat(get.path("responses").has("200")).as("%s answers 200", route.path()).isTrue();
        }
    }

    private JsonNode resolve(JsonNode parameter) {
        if (!parameter.has("$ref")) {
            return parameter;
        }
        JsonNode node = document;
        for (String part : parameter.path("$ref").asText().substring(2).split("/")) {
            node = node.path(part);
        }
        return node;
    }

    private static String openApiPath(String javalinPath) {
        return javalinPath.replace("<id>", "{id}");
    }
}
