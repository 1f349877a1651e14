package io.mesosevents.simulator.marathon;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a running Marathon simulator is doing; also the JSON of its {@code GET /simulator/status}.
 *
 * @param url             base URL, {@code http://host:port}
 * @param seed            the model's seed
 * @param leadership      whether it leads, is a standby or has lost leadership
 * @param leader          the leader's {@code host:port} as {@code /v2/leader} names it; null while none
 * @param eventsEmitted   events the model made so far (those of real clients not counted)
 * @param clientEvents    events of real clients published so far: attached, detached, (un)subscribed
 * @param openStreams     {@code /v2/events} connections open
 * @param callbackUrls    callback subscribers, real ones first
 * @param quirks          stream quirks switched on, by wire name
 * @param apps            apps listed by {@code /v2/apps}
 * @param instances       instances known, those of apps being removed included
 * @param deployments     deployments running
 * @param pods            pods
 * @param frameworkId     the Mesos framework id Marathon runs under
 * @param master          the Mesos master it is registered with
 * @param backend         where its tasks run
 * @param eventsByType    events the model made so far, by type
 */
public record MarathonStatus(String url, long seed, LeaderMode leadership, String leader, long eventsEmitted,
                             long clientEvents, int openStreams, List<String> callbackUrls, List<String> quirks,
                             int apps, int instances, int deployments, int pods, String frameworkId, String master,
                             String backend, SortedMap<String, Long> eventsByType) {

    public MarathonStatus {
        callbackUrls = List.copyOf(callbackUrls);
        quirks = List.copyOf(quirks);
        eventsByType = new TreeMap<>(eventsByType);
    }

    @Override
    public SortedMap<String, Long> eventsByType() {
        return new TreeMap<>(eventsByType);
    }
}
