/** Marathon event bus client: server-sent events, legacy callbacks and the REST snapshot. */
package io.mesosevents.marathon;
