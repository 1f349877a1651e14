package io.mesosevents.streams.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Answers a collection from every partition of a store, wherever the partitions live.
 *
 * <p>Each partition is assigned to the first of its holders (active owner, then standbys); the
 * partitions of one instance go to it in one request, all instances at once. Each returns up to
 * {@code limit} matching rows after the cursor, in key order; the merge keeps the first {@code limit}.
 * A partition its instance could not answer (unreachable, rebalancing, standby too far behind) is
 * asked of its next holder; when none is left the whole answer is a 503, never a silently short page.
 */
final class ScatterGather {

    private final Peers peers;

    ScatterGather(Peers peers) {
        this.peers = peers;
    }

    /** The public collection answer for one page. */
    ObjectNode collect(CollectionView view, RowFilter filter, PageRequest page, long maxLag) {
        Map<Integer, List<HostInfo>> holders = new TreeMap<>();
        peers.owners().ofStore(view.store()).forEach(owner -> holders.put(owner.partition(), new ArrayList<>(owner.candidates())));
        Map<Integer, List<String>> reasons = new HashMap<>();
        List<LocalPage> pages = new ArrayList<>();
        Set<Integer> pending = new TreeSet<>(holders.keySet());
        while (!pending.isEmpty()) {
            Map<HostInfo, List<Integer>> round = assign(view, pending, holders, reasons);
            for (LocalPage answer : ask(view, round, filter, page, maxLag)) {
                pages.add(answer);
                answer.answered().forEach(partition -> pending.remove(partition.partition()));
                answer.declined().forEach((partition, reason) ->
                        reasons.computeIfAbsent(partition, p -> new ArrayList<>()).add(answer.answeredBy() + ": " + reason));
            }
        }
        return merge(pages, page);
    }

    /** Each pending partition to its next holder; a 503 when one has none left. */
    private Map<HostInfo, List<Integer>> assign(CollectionView view, Set<Integer> pending, Map<Integer, List<HostInfo>> holders,
                                                Map<Integer, List<String>> reasons) {
        Map<HostInfo, List<Integer>> round = new LinkedHashMap<>();
        for (int partition : pending) {
            List<HostInfo> left = holders.get(partition);
            if (left.isEmpty()) {
                List<String> why = reasons.getOrDefault(partition, List.of("it has no owner yet (rebalancing)"));
                throw ApiError.unavailable("no instance may answer for partition " + partition + " of "
                        + view.store().storeName() + " now: " + String.join("; ", why), peers.retryAfter());
            }
            round.computeIfAbsent(left.remove(0), host -> new ArrayList<>()).add(partition);
        }
        return round;
    }

    private List<LocalPage> ask(CollectionView view, Map<HostInfo, List<Integer>> round, RowFilter filter, PageRequest page,
                                long maxLag) {
        Map<HostInfo, CompletableFuture<LocalPage>> remote = new LinkedHashMap<>();
        round.forEach((host, partitions) -> {
            if (!host.equals(peers.self())) {
                remote.put(host, remotePage(host, view, partitions, filter, page, maxLag));
            }
        });
        List<LocalPage> answers = new ArrayList<>();
        // This instance's share is read while the others work on theirs.
        Optional.ofNullable(round.get(peers.self())).ifPresent(partitions ->
                answers.add(peers.local().page(view.store(), partitions, page, filter, maxLag)));
        remote.values().forEach(future -> answers.add(future.join()));
        return answers;
    }

    private CompletableFuture<LocalPage> remotePage(HostInfo host, CollectionView view, List<Integer> partitions,
                                                    RowFilter filter, PageRequest page, long maxLag) {
        Map<String, String> params = new LinkedHashMap<>(filter.params());
        params.put(QueryParams.LIMIT, Integer.toString(page.limit()));
        page.after().ifPresent(after -> params.put(QueryParams.CURSOR, CursorCodec.encode(after)));
        params.put(QueryParams.MAX_LAG, Long.toString(maxLag));
        String instance = host.host() + ":" + host.port();
        return peers.forwarder().get(host, UrlPaths.withQuery(view.routePath(), params), ForwardedScope.ofPartitions(partitions))
                .thenApply(reply -> {
                    if (reply instanceof Forwarder.Reply.Answered answered && answered.status() == 200) {
                        return complete(Envelopes.readPartial(answered.body()), partitions);
                    }
                    String reason = reply instanceof Forwarder.Reply.Answered answered
                            ? "HTTP " + answered.status() + " " + answered.body().path("error").asText()
                            : ((Forwarder.Reply.Unreachable) reply).reason();
                    peers.trouble().report(host, view.store().storeName() + " partitions " + partitions, reason);
                    return LocalPage.declinedAll(instance, partitions, reason);
                });
    }

    /** A partition the other instance neither answered nor declined counts as declined, so it is asked elsewhere. */
    private static LocalPage complete(LocalPage answer, List<Integer> asked) {
        Map<Integer, String> declined = new HashMap<>(answer.declined());
        Set<Integer> answered = new TreeSet<>();
        answer.answered().forEach(partition -> answered.add(partition.partition()));
        asked.stream().filter(partition -> !answered.contains(partition) && !declined.containsKey(partition))
                .forEach(partition -> declined.put(partition, "not answered"));
        List<PartitionAnswer> kept = answer.answered().stream().filter(partition -> asked.contains(partition.partition())).toList();
        return new LocalPage(answer.answeredBy(), answer.rows(), kept, declined);
    }

    private static ObjectNode merge(List<LocalPage> pages, PageRequest page) {
        List<KeyedRow> rows = new ArrayList<>();
        List<PartitionAnswer> answers = new ArrayList<>();
        Set<String> answeredBy = new TreeSet<>();
        boolean someoneHasMore = false;
        for (LocalPage answer : pages) {
            rows.addAll(answer.rows());
            answers.addAll(answer.answered());
            if (!answer.answered().isEmpty()) {
                answeredBy.add(answer.answeredBy());
            }
            // An instance that filled the page may hold more rows after its last one.
            someoneHasMore |= answer.rows().size() >= page.limit();
        }
        rows.sort((left, right) -> KeyOrder.compare(left.key(), right.key()));
        boolean more = rows.size() > page.limit() || someoneHasMore;
        List<KeyedRow> kept = rows.subList(0, Math.min(rows.size(), page.limit()));
        Optional<String> nextCursor = more && !kept.isEmpty()
                ? Optional.of(CursorCodec.encode(kept.get(kept.size() - 1).key())) : Optional.empty();
        return Envelopes.collection(kept, nextCursor, answeredBy, answers);
    }
}
