package io.mesosevents.simulator.marathon;

import io.mesosevents.simulator.SimRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Clients of the event bus other than the real connections: load balancer bridges and dashboards
 * that attach to {@code /v2/events} and leave, and legacy callback subscribers that come and go.
 * Their subscriptions are listed by {@code GET /v2/eventSubscriptions}, but nothing is sent to them.
 */
final class SimulatedClients {

    private final SimRandom random;
    private final MarathonState state;
    private final MarathonEvents events;
    private final Catalogue catalogue;

    SimulatedClients(SimRandom random, MarathonState state, MarathonEvents events, Catalogue catalogue) {
        this.random = random;
        this.state = state;
        this.events = events;
        this.catalogue = catalogue;
    }

    BusEvent attach() {
        String address = catalogue.listenerIp();
        state.simulatedStreams.add(address);
        return events.streamAttached(address);
    }

    BusEvent detach() {
        String address = state.simulatedStreams.remove(random.between(0, state.simulatedStreams.size()));
        return events.streamDetached(address);
    }

    BusEvent subscribe() {
        String ip = catalogue.listenerIp();
        String url = catalogue.callbackUrl(ip);
        if (state.simulatedCallbacks.putIfAbsent(url, ip) != null) {
            return null;
        }
        return events.subscribe(ip, url);
    }

    BusEvent unsubscribe() {
        List<Map.Entry<String, String>> subscribed = new ArrayList<>(state.simulatedCallbacks.entrySet());
        Map.Entry<String, String> leaving = random.pick(subscribed);
        state.simulatedCallbacks.remove(leaving.getKey());
        return events.unsubscribe(leaving.getValue(), leaving.getKey());
    }
}
