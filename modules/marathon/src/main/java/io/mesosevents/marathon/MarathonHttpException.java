package io.mesosevents.marathon;

import java.io.IOException;
import java.net.URI;

/** Marathon answered a request with something other than what it asks for. */
public final class MarathonHttpException extends IOException {

    private final URI url;
    private final int status;

    public MarathonHttpException(String method, URI url, int status, String detail) {
        super(method + " " + url + " answered HTTP " + status + (detail.isEmpty() ? "" : ": " + detail));
        this.url = url;
        this.status = status;
    }

    /** The URL that answered, after redirects. */
    public URI url() {
        return url;
    }

    public int status() {
        return status;
    }
}
