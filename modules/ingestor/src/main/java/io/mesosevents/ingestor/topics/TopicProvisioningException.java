package io.mesosevents.ingestor.topics;

/** The broker refused to create or describe a topic; the message names the topic and the broker's reason. */
public final class TopicProvisioningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TopicProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
