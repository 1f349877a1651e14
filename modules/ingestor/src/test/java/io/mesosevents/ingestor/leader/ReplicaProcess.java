package io.mesosevents.ingestor.leader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An {@link ElectionProcess} that a test can kill -9, pause and resume like a real replica: the
 * coordinator sees a member that stops heartbeating without leaving, which no in-process consumer can fake.
 */
final class ReplicaProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaProcess.class);

    private final Process process;
    private final BlockingQueue<String> leadershipLines = new LinkedBlockingQueue<>();

    private ReplicaProcess(Process process) {
        this.process = process;
    }

    static ReplicaProcess start(String bootstrapServers, LeaderElectionConfig config) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ElectionProcess.class.getName(),
                bootstrapServers, config.groupId(), config.topic(), Long.toString(config.sessionTimeout().toMillis()))
                .redirectErrorStream(true)
                .start();
        ReplicaProcess replica = new ReplicaProcess(process);
        Thread reader = new Thread(replica::follow, "replica-process-output");
        reader.setDaemon(true);
        reader.start();
        return replica;
    }

    /** Waits for the next leadership call the process prints. */
    void awaitCall(String call, Duration timeout) throws InterruptedException {
        String line = leadershipLines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!(ElectionProcess.LINE_PREFIX + call).equals(line)) {
            throw new AssertionError("Expected the replica process to be " + call + " within " + timeout + ", got " + line);
        }
    }

    /** SIGKILL: no LeaveGroup, no revoked(); only the missing heartbeats tell the coordinator. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGSTOP: a leader frozen as by a long GC pause or a suspended VM, every thread at once. */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void signal(String name) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited with " + exit);
        }
    }

    private void follow() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                LOG.info("[replica {}] {}", process.pid(), line);
                if (line.startsWith(ElectionProcess.LINE_PREFIX)) {
                    leadershipLines.add(line);
                }
            }
        } catch (IOException e) {
            LOG.info("[replica {}] output closed: {}", process.pid(), e.getMessage());
        }
    }
}
