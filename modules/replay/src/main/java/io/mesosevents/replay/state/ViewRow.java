package io.mesosevents.replay.state;

import org.apache.avro.specific.SpecificRecord;

/** One row of a view: its key ({@code <cluster>/<id>}, as in the view's topic) and the row itself. */
public record ViewRow(String key, SpecificRecord row) {
}
