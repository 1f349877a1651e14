package io.mesosevents.mesos;

import java.net.URI;

/** A master answered {@code SUBSCRIBE} with something other than a stream or a redirect. */
final class MasterRejected extends Exception {

    private final int status;

    MasterRejected(URI endpoint, int status, String reason) {
        super(endpoint + " answered HTTP " + status + (reason.isEmpty() ? "" : ": " + reason));
        this.status = status;
    }

    /** 503: no elected leader yet, or the leader is still recovering; it resolves by itself. */
    boolean unavailable() {
        return status == 503;
    }
}
