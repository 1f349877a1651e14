package io.mesosevents.cli.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * docker-compose.yml as Compose reads it: every value interpolated, the short and long syntaxes of
 * the attributes the deployment uses folded into one shape ({@link ComposeService}).
 */
record ComposeFile(Path path, Map<String, ComposeService> services, Set<String> volumes) {

    static ComposeFile load(Path path, Map<String, String> environment) throws IOException {
        JsonNode root = interpolate(new YAMLMapper().readTree(path.toFile()), new Interpolation(environment));
        Path directory = path.toAbsolutePath().getParent();
        Map<String, ComposeService> services = new LinkedHashMap<>();
        root.path("services").properties().forEach(entry -> services.put(entry.getKey(),
                service(entry.getKey(), entry.getValue(), directory)));
        Set<String> volumes = new LinkedHashSet<>();
        root.path("volumes").properties().forEach(entry -> volumes.add(entry.getKey()));
        return new ComposeFile(path, Map.copyOf(services), Set.copyOf(volumes));
    }

    ComposeService service(String name) {
        ComposeService service = services.get(name);
        if (service == null) {
            throw new AssertionError(path + " has no service " + name + "; it has " + services.keySet());
        }
        return service;
    }

    private static ComposeService service(String name, JsonNode node, Path directory) {
        return new ComposeService(name, text(node.get("image")), build(node.get("build"), directory),
                words(node.get("command")), strings(node.get("profiles")), environment(node.get("environment")),
                strings(node.get("ports")).stream().map(PortMapping::parse).toList(), dependencies(node.get("depends_on")),
                strings(node.get("volumes")).stream().map(VolumeMount::parse).toList(), healthcheck(node.get("healthcheck")),
                text(node.get("restart")));
    }

    private static Optional<ComposeService.Build> build(JsonNode node, Path directory) {
        if (node == null) {
            return Optional.empty();
        }
        Path context = directory.resolve(node.isTextual() ? node.asText() : node.path("context").asText(".")).normalize();
        String dockerfile = node.isTextual() ? "Dockerfile" : node.path("dockerfile").asText("Dockerfile");
        return Optional.of(new ComposeService.Build(context, context.resolve(dockerfile).normalize()));
    }

    private static Map<String, Optional<String>> environment(JsonNode node) {
        Map<String, Optional<String>> environment = new LinkedHashMap<>();
        if (node == null) {
            return environment;
        }
        if (node.isArray()) {
            node.forEach(item -> {
                String[] pair = item.asText().split("=", 2);
                environment.put(pair[0], pair.length == 2 ? Optional.of(pair[1]) : Optional.empty());
            });
        } else {
            node.properties().forEach(entry -> environment.put(entry.getKey(),
                    entry.getValue().isNull() ? Optional.empty() : Optional.of(entry.getValue().asText())));
        }
        return environment;
    }

    private static List<Dependency> dependencies(JsonNode node) {
        List<Dependency> dependencies = new ArrayList<>();
        if (node == null) {
            return dependencies;
        }
        if (node.isArray()) {
            node.forEach(item -> dependencies.add(new Dependency(item.asText(), "service_started", true)));
        } else {
            node.properties().forEach(entry -> dependencies.add(new Dependency(entry.getKey(),
                    entry.getValue().path("condition").asText("service_started"), entry.getValue().path("required").asBoolean(true))));
        }
        return dependencies;
    }

    private static Optional<String> healthcheck(JsonNode node) {
        if (node == null || node.path("disable").asBoolean(false)) {
            return Optional.empty();
        }
        return Optional.of(String.join(" ", strings(node.get("test"))));
    }

    /** A command as Compose runs it: a list as is, a string split at white space. */
    private static List<String> words(JsonNode node) {
        if (node != null && node.isTextual()) {
            return Arrays.asList(node.asText().trim().split("\\s+"));
        }
        return strings(node);
    }

    private static List<String> strings(JsonNode node) {
        List<String> strings = new ArrayList<>();
        if (node != null) {
            node.forEach(item -> strings.add(item.asText()));
        }
        return strings;
    }

    private static Optional<String> text(JsonNode node) {
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }

    /** Compose interpolates every string value of the file, keys excepted. */
    private static JsonNode interpolate(JsonNode node, Interpolation interpolation) {
        if (node.isTextual()) {
            return JsonNodeFactory.instance.textNode(interpolation.resolve(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(entry -> copy.set(entry.getKey(), interpolate(entry.getValue(), interpolation)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(interpolate(item, interpolation)));
            return copy;
        }
        return node;
    }
}
