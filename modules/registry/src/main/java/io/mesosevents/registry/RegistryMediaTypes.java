package io.mesosevents.registry;

import java.util.List;

/** The media types of the Confluent Schema Registry REST API, shared by the client and the server. */
public final class RegistryMediaTypes {

    /** The versioned type every response carries and every request body should declare. */
    public static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    public static final String DEFAULT_JSON = "application/vnd.schemaregistry+json";
    public static final String JSON = "application/json";
    /** Accepted as a request body type because some clients post schemas without declaring JSON. */
    public static final String OCTET_STREAM = "application/octet-stream";

    /** The Accept header Confluent's own client sends: the versioned type preferred, plain JSON last. */
    public static final String ACCEPT_HEADER = V1_JSON + ", " + DEFAULT_JSON + "; qs=0.9, " + JSON + "; qs=0.5";

    /** Request body types the server accepts. */
    public static final List<String> REQUEST_TYPES = List.of(V1_JSON, DEFAULT_JSON, JSON, OCTET_STREAM);

    private RegistryMediaTypes() {
    }
}
