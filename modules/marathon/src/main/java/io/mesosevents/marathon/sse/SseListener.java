package io.mesosevents.marathon.sse;

/** Receives what an {@link SseParser} reads, on the thread that feeds it, before the feeding call returns. */
public interface SseListener {

    /** A frame with data was dispatched by a blank line. */
    void event(SseEvent event);

    /**
     * A frame could not be read whole: larger than the maximum event size, or cut by the end of
     * the stream. Parsing goes on with the next frame.
     *
     * @param offset stream offset of the frame's first field line
     * @param raw    the start of the frame's bytes, as far as they were kept
     * @param reason what went wrong, on one line
     */
    void broken(long offset, byte[] raw, String reason);
}
