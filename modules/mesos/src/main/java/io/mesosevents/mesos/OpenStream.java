package io.mesosevents.mesos;

import java.io.InputStream;
import java.net.URI;

/**
 * A master's 200 answer to {@code SUBSCRIBE}: the RecordIO body, not yet read.
 *
 * @param master   base URL of the master that answered, after redirects
 * @param encoding the encoding of the records
 */
record OpenStream(URI master, MesosEncoding encoding, InputStream body) {
}
