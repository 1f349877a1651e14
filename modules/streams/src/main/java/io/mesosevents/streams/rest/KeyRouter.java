package io.mesosevents.streams.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Finds one entity wherever it lives: asks the active owner of its key (itself, or over HTTP), and
 * when the owner cannot answer (down, not RUNNING) the standbys in turn, each of which answers only if
 * it is at most {@code maxLag} records behind. An {@code asOf} lookup takes the same way (a view's history
 * store shares the partitions of its rows) and carries the instant along when forwarded.
 */
final class KeyRouter {

    private final Peers peers;

    KeyRouter(Peers peers) {
        this.peers = peers;
    }

    /**
     * The single-entity answer for the first of {@code candidates} (store keys, in order) that exists.
     * A 404 only when every candidate is known to be absent; a 503 when one could not be asked, since
     * it might have been the one.
     */
    ObjectNode lookup(EntityView view, String id, List<String> candidates, long maxLag) {
        return lookup(view, id, candidates, maxLag, Optional.empty());
    }

    /** As {@link #lookup(EntityView, String, List, long)}, the rows as they were at {@code asOf} when given. */
    ObjectNode lookup(EntityView view, String id, List<String> candidates, long maxLag, Optional<Instant> asOf) {
        for (String key : candidates) {
            KeyAnswer answer = ask(view, key, maxLag, asOf);
            if (answer instanceof KeyAnswer.Found found) {
                return found.body();
            }
            if (answer instanceof KeyAnswer.Declined declined) {
                throw ApiError.unavailable("no instance may answer for " + view.what() + " '" + id + "' now: "
                        + declined.reason(), peers.retryAfter(), Map.of("id", id));
            }
        }
        throw ApiError.notFound(view.what(), id);
    }

    /** The answer for exactly {@code key}: from the first of its owners that may give one. */
    KeyAnswer ask(EntityView view, String key, long maxLag, Optional<Instant> asOf) {
        PartitionOwner owner = peers.owners().ofKey(view.store(), key);
        List<HostInfo> candidates = owner.candidates();
        if (candidates.isEmpty()) {
            return new KeyAnswer.Declined("partition " + owner.partition() + " of " + view.store().storeName()
                    + " has no owner yet (rebalancing)");
        }
        List<String> reasons = new ArrayList<>();
        for (HostInfo host : candidates) {
            KeyAnswer answer = host.equals(peers.self()) ? peers.local().key(view, key, owner.partition(), maxLag, asOf)
                    : remote(host, view, key, maxLag, asOf);
            if (!(answer instanceof KeyAnswer.Declined declined)) {
                return answer;
            }
            reasons.add(host.host() + ":" + host.port() + ": " + declined.reason());
        }
        return new KeyAnswer.Declined(String.join("; ", reasons));
    }

    private KeyAnswer remote(HostInfo host, EntityView view, String key, long maxLag, Optional<Instant> asOf) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(QueryParams.MAX_LAG, Long.toString(maxLag));
        asOf.ifPresent(instant -> params.put(QueryParams.AS_OF, AsOfParameter.forwardValue(instant)));
        String path = UrlPaths.withQuery(view.pathFor(key), params);
        Forwarder.Reply reply = peers.forwarder().get(host, path, ForwardedScope.ofKey(key)).join();
        if (reply instanceof Forwarder.Reply.Answered answered) {
            if (answered.status() == 200 && answered.body().isObject()) {
                return new KeyAnswer.Found((ObjectNode) answered.body());
            }
            if (answered.status() == 404) {
                return new KeyAnswer.Absent();
            }
            return new KeyAnswer.Declined("HTTP " + answered.status() + " " + answered.body().path("error").asText());
        }
        String reason = ((Forwarder.Reply.Unreachable) reply).reason();
        peers.trouble().report(host, view.what() + " '" + key + "'", reason);
        return new KeyAnswer.Declined(reason);
    }
}
