package io.mesosevents.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Record key of an entity: {@code <cluster>/<id>}, UTF-8.
 *
 * <p>Several clusters may share a topic and an entity's identity is (cluster, id), so the key
 * carries both. The id is kept verbatim, whatever its source: a Marathon app id keeps its
 * leading slash ({@code "/prod/web"} in cluster {@code "eu1"} is {@code "eu1//prod/web"}) and a
 * Mesos task id is used as is. The format stays unambiguous because cluster names may not
 * contain {@code '/'}: the first slash always ends the cluster, so {@link #parse} gives back
 * exactly the id that went in, without per-source rules.
 *
 * <p>Topics keyed by cluster alone ({@code mesos.other-events}) use the bare cluster name,
 * checked with {@link #requireValidCluster}.
 */
public record EntityKey(String cluster, String id) {

    /** Letters, digits, '.', '_' and '-': no separator, no whitespace, safe in any key or URL. */
    private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final char SEPARATOR = '/';

    public EntityKey {
        requireValidCluster(cluster);
        Objects.requireNonNull(id, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("entity id must not be empty");
        }
    }

    /** Returns {@code cluster} if it is a valid cluster name, else throws {@link IllegalArgumentException}. */
    public static String requireValidCluster(String cluster) {
        Objects.requireNonNull(cluster, "cluster");
        if (!CLUSTER_NAME.matcher(cluster).matches()) {
            throw new IllegalArgumentException(
                    "invalid cluster name '" + cluster + "': use only letters, digits, '.', '_' and '-'");
        }
        return cluster;
    }

    /** The key as written to Kafka. */
    public String encode() {
        return cluster + SEPARATOR + id;
    }

    /** Whether {@code key} is an entity key rather than a bare cluster name (as snapshot markers are keyed). */
    public static boolean isEntityKey(String key) {
        int separator = key.indexOf(SEPARATOR);
        return separator > 0 && separator < key.length() - 1;
    }

    /** Reads a key written by {@link #encode()}. */
    public static EntityKey parse(String key) {
        Objects.requireNonNull(key, "key");
        int separator = key.indexOf(SEPARATOR);
        if (separator < 0) {
            throw new IllegalArgumentException("not an entity key (no '/'): '" + key + "'");
        }
        return new EntityKey(key.substring(0, separator), key.substring(separator + 1));
    }

    @Override
    public String toString() {
        return encode();
    }
}
