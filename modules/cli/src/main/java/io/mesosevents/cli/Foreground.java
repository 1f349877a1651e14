package io.mesosevents.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;

/** Keeps a started service in the foreground until Ctrl-C or SIGTERM, then closes it cleanly. */
public final class Foreground {

    private static final Logger LOG = LoggerFactory.getLogger(Foreground.class);

    private Foreground() {
    }

    /**
     * Blocks the calling thread for the rest of the process's life; {@code service} is closed on the way out.
     * {@code announceReady} runs once the stop hook is in place, so a stop that follows the announcement
     * at once still closes the service.
     */
    public static void runUntilStopped(String name, AutoCloseable service, Runnable announceReady) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping {}", name);
            try {
                service.close();
            } catch (Exception e) {
                LOG.warn("{} did not stop cleanly: {}", name, e.toString());
            } finally {
                closed.countDown();
            }
        }, name + "-shutdown"));
        announceReady.run();
        closed.await();
    }
}
