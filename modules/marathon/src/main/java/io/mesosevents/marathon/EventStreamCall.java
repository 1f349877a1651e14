package io.mesosevents.marathon;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Opens {@code GET /v2/events} on one Marathon and follows it to the leader. */
final class EventStreamCall {

    static final String EVENTS_PATH = "/v2/events";
    private static final String EVENT_STREAM = "text/event-stream";

    /** What came back: the stream, or the body of a refusal. Exactly one is set. */
    private record Answer(SessionInbox stream, InputStream refusal) {
    }

    private final MarathonHttp http;
    private final String pathAndQuery;

    EventStreamCall(MarathonHttp http) {
        this.http = http;
        this.pathAndQuery = EVENTS_PATH + http.config().eventTypes().stream()
                .map(type -> MarathonHttp.queryParameter("event_type", type))
                .collect(Collectors.joining("&", http.config().eventTypes().isEmpty() ? "" : "?", ""));
    }

    OpenEventStream open(URI marathon) throws IOException, InterruptedException {
        MarathonHttp.Reply<Answer> reply = http.send("GET", MarathonHttp.url(marathon, pathAndQuery), EVENT_STREAM, true, info -> info.statusCode() == 200
                ? HttpResponse.BodySubscribers.mapping(new SessionInbox(), inbox -> new Answer(inbox, null))
                : HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofInputStream(), body -> new Answer(null, body)));
        Answer answer = reply.response().body();
        int status = reply.response().statusCode();
        if (answer.refusal() != null) {
            throw new MarathonHttpException("GET", reply.url(), status, MarathonHttp.excerpt(answer.refusal()));
        }
        // A proxy's login page is a 200 too.
        Optional<String> type = reply.response().headers().firstValue("Content-Type");
        if (type.isPresent() && !type.get().toLowerCase(Locale.ROOT).startsWith(EVENT_STREAM)) {
            answer.stream().cancel();
            throw new MarathonHttpException("GET", reply.url(), status, "Content-Type " + type.get() + " is not " + EVENT_STREAM);
        }
        return new OpenEventStream(MarathonHttp.base(reply.url(), EVENTS_PATH), reply.withCredentials(), answer.stream());
    }
}
