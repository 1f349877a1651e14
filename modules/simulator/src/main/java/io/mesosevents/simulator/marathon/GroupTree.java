package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Marathon's group tree as JSON: {@code {id, apps, groups, pods, dependencies, version}} from the
 * root down, as deployment plans carry it ({@code original} and {@code target}).
 */
final class GroupTree {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private GroupTree() {
    }

    /**
     * @param groupVersions versions of the groups ever changed, the root's included; a group holding
     *                      apps or pods but never changed on its own has its parent's version
     */
    static ObjectNode root(Collection<AppDefinition> apps, Collection<PodDefinition> pods,
                           Map<String, Instant> groupVersions) {
        SortedSet<String> groups = new TreeSet<>(groupVersions.keySet());
        groups.add("/");
        apps.forEach(app -> addWithAncestors(groups, app.groupId()));
        pods.forEach(pod -> addWithAncestors(groups, pod.groupId()));
        return group("/", groups, apps, pods, groupVersions, groupVersions.get("/"));
    }

    private static ObjectNode group(String id, SortedSet<String> groups, Collection<AppDefinition> apps,
                                    Collection<PodDefinition> pods, Map<String, Instant> versions, Instant inherited) {
        Instant version = versions.getOrDefault(id, inherited);
        ObjectNode json = F.objectNode();
        json.put("id", id);
        ArrayNode appsJson = F.arrayNode();
        apps.stream().filter(app -> app.groupId().equals(id)).forEach(app -> appsJson.add(AppJson.definition(app)));
        json.set("apps", appsJson);
        ArrayNode children = F.arrayNode();
        for (String child : groups) {
            if (!child.equals("/") && parent(child).equals(id)) {
                children.add(group(child, groups, apps, pods, versions, version));
            }
        }
        json.set("groups", children);
        ArrayNode podsJson = F.arrayNode();
        pods.stream().filter(pod -> pod.groupId().equals(id)).forEach(pod -> podsJson.add(pod.toJson()));
        json.set("pods", podsJson);
        json.set("dependencies", F.arrayNode());
        json.put("version", version == null ? null : Timestamps.format(version));
        return json;
    }

    private static void addWithAncestors(SortedSet<String> groups, String groupId) {
        for (String group = groupId; !group.equals("/"); group = parent(group)) {
            groups.add(group);
        }
    }

    private static String parent(String groupId) {
        int slash = groupId.lastIndexOf('/');
        return slash == 0 ? "/" : groupId.substring(0, slash);
    }
}
