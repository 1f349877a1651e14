package io.mesosevents.simulator.mesos;

/** Malformed input a simulator can send to every open subscription, to exercise a client's error paths. */
public enum GarbageKind {
    /** A record whose length is not a decimal number; framing is lost, so the connection is then closed. */
    FRAME,
    /** A well-framed record whose bytes are not an {@code Event} in the stream's encoding; the stream goes on. */
    RECORD
}
