package io.mesosevents.marathon;

import java.net.URI;

/**
 * Marathon's 200 answer to {@code GET /v2/events}, its body not yet read.
 *
 * @param marathon        base URL of the Marathon that answered, after redirects: the leader
 * @param withCredentials whether the credentials went to it (not after a redirect to another scheme)
 * @param inbox           where the body's bytes arrive
 */
record OpenEventStream(URI marathon, boolean withCredentials, SessionInbox inbox) {
}
