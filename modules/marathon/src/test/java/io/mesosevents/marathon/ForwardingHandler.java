package io.mesosevents.marathon;

/** Passes every callback on; tests override the ones they want to disturb. */
class ForwardingHandler implements MarathonStreamHandler {

    private final MarathonStreamHandler target;

    ForwardingHandler(MarathonStreamHandler target) {
        this.target = target;
    }

    @Override
    public void connected(MarathonSession session) {
        target.connected(session);
    }

    @Override
    public void snapshot(MarathonSession session, MarathonSnapshot snapshot) {
        target.snapshot(session, snapshot);
    }

    @Override
    public void event(MarathonSession session, MarathonEventMessage event) {
        target.event(session, event);
    }

    @Override
    public void malformed(MarathonSession session, MalformedEvent malformed) {
        target.malformed(session, malformed);
    }

    @Override
    public void disconnected(MarathonSession session, String reason) {
        target.disconnected(session, reason);
    }
}
