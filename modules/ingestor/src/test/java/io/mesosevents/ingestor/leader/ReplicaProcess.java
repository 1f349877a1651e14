package io.mesosevents.ingestor.leader;

import io.mesosevents.ingestor.ChildJvm;

import java.io.IOException;
import java.time.Duration;

/**
 * An {@link ElectionProcess} that a test can kill -9, pause and resume like a real replica: the
 * coordinator sees a member that stops heartbeating without leaving, which no in-process consumer can fake.
 */
final class ReplicaProcess implements AutoCloseable {

    private final ChildJvm jvm;

    private ReplicaProcess(ChildJvm jvm) {
        this.jvm = jvm;
    }

    static ReplicaProcess start(String bootstrapServers, LeaderElectionConfig config) throws IOException {
        return new ReplicaProcess(ChildJvm.start("replica", ElectionProcess.LINE_PREFIX, ElectionProcess.class,
                bootstrapServers, config.groupId(), config.topic(), Long.toString(config.sessionTimeout().toMillis())));
    }

    /** Waits for the next leadership call the process prints. */
    void awaitCall(String call, Duration timeout) throws InterruptedException {
        String line = jvm.nextMarked(timeout);
        if (!call.equals(line)) {
            throw new AssertionError("Expected the replica process to be " + call + " within " + timeout + ", got " + line);
        }
    }

    /** SIGKILL: no LeaveGroup, no revoked(); only the missing heartbeats tell the coordinator. */
    void kill() throws InterruptedException {
        jvm.kill();
    }

    /** SIGSTOP: a leader frozen as by a long GC pause or a suspended VM, every thread at once. */
    void pause() throws IOException, InterruptedException {
        jvm.pause();
    }

    void resume() throws IOException, InterruptedException {
        jvm.resume();
    }

    @Override
    public void close() {
        jvm.close();
    }
}
