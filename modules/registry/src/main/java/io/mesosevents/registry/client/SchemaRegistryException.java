package io.mesosevents.registry.client;

/**
 * A schema registry answered with an error. Carries the HTTP status, the registry's own
 * {@code error_code} (for example 40403 "schema not found"; the HTTP status when the body had none)
 * and its {@code message}, plus the URL that answered.
 */
public class SchemaRegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int errorCode;
    private final String registryMessage;
    private final String url;

    public SchemaRegistryException(int status, int errorCode, String registryMessage, String url) {
        super("Schema registry " + url + " answered HTTP " + status + " (error code " + errorCode + "): " + registryMessage);
        this.status = status;
        this.errorCode = errorCode;
        this.registryMessage = registryMessage;
        this.url = url;
    }

    /** For subclasses describing failures that produced no registry answer. */
    protected SchemaRegistryException(String message, String url, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.errorCode = 0;
        this.registryMessage = message;
        this.url = url;
    }

    /** The HTTP status, or 0 if no registry answered. */
    public int status() {
        return status;
    }

    /** The registry's {@code error_code}, or 0 if no registry answered. */
    public int errorCode() {
        return errorCode;
    }

    /** The registry's {@code message}. */
    public String registryMessage() {
        return registryMessage;
    }

    /** The registry URL (or comma-separated URLs) involved, without credentials. */
    public String url() {
        return url;
    }
}
