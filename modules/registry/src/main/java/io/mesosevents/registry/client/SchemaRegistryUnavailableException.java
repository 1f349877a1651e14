package io.mesosevents.registry.client;

/** No configured registry URL could be reached, even after every retry. */
public final class SchemaRegistryUnavailableException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    public SchemaRegistryUnavailableException(String message, String urls, Throwable cause) {
        super(message, urls, cause);
    }
}
