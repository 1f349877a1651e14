package io.mesosevents.mesos;

import org.apache.mesos.v1.master.Protos;

/** Passes every callback on; tests override the ones they want to disturb. */
class ForwardingHandler implements MesosStreamHandler {

    private final MesosStreamHandler target;

    ForwardingHandler(MesosStreamHandler target) {
        this.target = target;
    }

    @Override
    public void connected(MesosSession session) {
        target.connected(session);
    }

    @Override
    public void event(MesosSession session, long offset, byte[] raw, Protos.Event event) {
        target.event(session, offset, raw, event);
    }

    @Override
    public void undecodable(MesosSession session, long offset, byte[] raw, String stage, String error) {
        target.undecodable(session, offset, raw, stage, error);
    }

    @Override
    public void streamFailed(MesosSession session, long offset, byte[] unread, String stage, String error) {
        target.streamFailed(session, offset, unread, stage, error);
    }

    @Override
    public void disconnected(MesosSession session, String reason) {
        target.disconnected(session, reason);
    }
}
