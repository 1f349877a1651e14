package io.mesosevents.replay.progress;

/**
 * How far a long replay task is, told to whoever watches: a bar on a terminal, log lines otherwise.
 * {@link #advance} is called by every worker thread; {@link #close} reports the end once.
 */
public interface Progress extends AutoCloseable {

    /** {@code records} more were processed. Thread-safe and cheap. */
    void advance(long records);

    /** The task ended (done or failed): stop reporting and write the final line. */
    @Override
    void close();

    /** Reports nothing ({@code --progress none}). */
    static Progress none() {
        return new Progress() {
            @Override
            public void advance(long records) {
            }

            @Override
            public void close() {
            }
        };
    }
}
