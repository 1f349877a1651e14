package io.mesosevents.marathon;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code GET /v2/info} says about a Marathon.
 *
 * @param name        the framework name (e.g. {@code marathon}); empty text when absent
 * @param version     Marathon's version (e.g. {@code 1.4.13}); empty text when absent
 * @param frameworkId the Mesos framework id, once registered with Mesos
 * @param leader      the leader's {@code host:port}, when there is one
 * @param mesosMaster {@code marathon_config.master}: the Mesos master(s) it uses, e.g. {@code zk://…/mesos}
 * @param json        the whole answer
 */
public record MarathonInfo(String name, String version, Optional<String> frameworkId, Optional<String> leader,
                           Optional<String> mesosMaster, JsonNode json) {

    public MarathonInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(frameworkId, "frameworkId");
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(mesosMaster, "mesosMaster");
        Objects.requireNonNull(json, "json");
    }

    static MarathonInfo of(JsonNode json) {
        return new MarathonInfo(json.path("name").asText(""), json.path("version").asText(""), text(json.path("frameworkId")),
                text(json.path("leader")), text(json.path("marathon_config").path("master")), json);
    }

    private static Optional<String> text(JsonNode value) {
        return value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
    }
}
