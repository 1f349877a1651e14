/**
 * An incremental parser of {@code text/event-stream} bytes, as the WHATWG HTML standard defines
 * the format, bounded in memory and tolerant of the quirks of Marathon's event stream.
 */
package io.mesosevents.marathon.sse;
