package io.mesosevents.ingestor.topics;

/**
 * What provisioning found or did for one topic of the contract.
 *
 * @param topic    the topic name, prefix included
 * @param outcome  whether it was created, already right, or exists with the wrong cleanup policy
 * @param detail   a human-readable note (the mismatch, the partition count)
 */
public record TopicStatus(String topic, Outcome outcome, String detail) {

    public enum Outcome { CREATED, EXISTS, MISCONFIGURED }
}
