package io.mesosevents.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Task keys sorted by who answers them on instance A: A itself (its store partition is local) or B
 * (A forwards the request), as the answers' {@code answeredBy} says. Asking once per key also warms
 * both instances up.
 *
 * @param local      keys A answered from its own stores
 * @param forwarded  keys B answered
 * @param unanswered keys without a 200 answer (the task is not in the views, or no instance could answer)
 */
record RestKeySplit(List<String> local, List<String> forwarded, List<String> unanswered) {

    RestKeySplit {
        local = List.copyOf(local);
        forwarded = List.copyOf(forwarded);
        unanswered = List.copyOf(unanswered);
    }

    static RestKeySplit classify(RestCalls calls, RestInstances.Instance a, List<String> keys) throws InterruptedException {
        List<String> local = new ArrayList<>();
        List<String> forwarded = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (String key : keys) {
            RestCalls.Answer answer = calls.get(a.uri(RestKeySplit.path(key)));
            if (answer.status() != 200) {
                unanswered.add(key);
            } else if (answer.json().path("answeredBy").asText().equals(a.name())) {
                local.add(key);
            } else {
                forwarded.add(key);
            }
        }
        return new RestKeySplit(local, forwarded, unanswered);
    }

    /** The single-task endpoint for a key {@code <cluster>/<task id>}, relative to an instance's base URL. */
    static String path(String key) {
        return "api/v1/tasks/" + key;
    }
}
