package io.mesosevents.ingestor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A main class of the test classpath in a JVM of its own, which a test can kill -9, pause and
 * resume as the operating system would a real process: no shutdown hook, no LeaveGroup, no last
 * commit. Its output goes to the test log line by line, prefixed with its name and pid; the lines
 * that start with {@code marker} are what the child tells the test. The child should exit when its
 * stdin closes, so that a test JVM that dies without {@link #close()} leaves nothing behind.
 */
public final class ChildJvm implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);
    private static final int SIGKILL_EXIT = 128 + 9;

    private final String name;
    private final String marker;
    private final Process process;
    private final BlockingQueue<String> marked = new LinkedBlockingQueue<>();

    private ChildJvm(String name, String marker, Process process) {
        this.name = name;
        this.marker = marker;
        this.process = process;
    }

    public static ChildJvm start(String name, String marker, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ChildJvm child = new ChildJvm(name, marker, new ProcessBuilder(command).redirectErrorStream(true).start());
        Thread reader = new Thread(child::follow, name + "-output");
        reader.setDaemon(true);
        reader.start();
        return child;
    }

    /** The next marked line without its marker; null if none comes within {@code timeout}. */
    public String nextMarked(Duration timeout) throws InterruptedException {
        return marked.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGKILL, and proof that it worked: the process is gone and died of the signal. */
    public void kill() throws InterruptedException {
        int exit = process.destroyForcibly().waitFor();
        if (ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false) || exit != SIGKILL_EXIT) {
            throw new AssertionError(name + " " + process.pid() + " was not killed by SIGKILL (exit " + exit + ")");
        }
        LOG.info("[{} {}] killed with SIGKILL", name, process.pid());
    }

    /** SIGSTOP: every thread frozen at once, as by a long GC pause or a suspended VM. */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    @Override
    public void close() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void signal(String signal) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " exited with " + exit);
        }
    }

    private void follow() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                LOG.info("[{} {}] {}", name, process.pid(), line);
                if (line.startsWith(marker)) {
                    marked.add(line.substring(marker.length()));
                }
            }
        } catch (IOException e) {
            LOG.info("[{} {}] output closed: {}", name, process.pid(), e.getMessage());
        }
    }
}
