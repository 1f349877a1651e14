package io.mesosevents.marathon.sse;

import java.util.Arrays;

/**
 * Where the bytes of an event's data came from in the stream. The data field joins the values of
 * several lines, each with its own field name and line end in front of it; this maps a position in
 * the joined data back to the stream, so that every JSON object of a frame gets its exact offset.
 */
public final class DataOffsets {

    private final int[] dataIndexes;
    private final long[] streamOffsets;

    private DataOffsets(int[] dataIndexes, long[] streamOffsets) {
        this.dataIndexes = dataIndexes;
        this.streamOffsets = streamOffsets;
    }

    /** The stream offset of the data byte at {@code dataIndex}. */
    public long streamOffset(int dataIndex) {
        int found = Arrays.binarySearch(dataIndexes, dataIndex);
        // Not found: -(insertion point) - 1; the line holding the byte starts just before it.
        int line = found >= 0 ? found : -found - 2;
        if (line < 0) {
            throw new IndexOutOfBoundsException("Data index " + dataIndex + " precedes the first data line");
        }
        return streamOffsets[line] + (dataIndex - dataIndexes[line]);
    }

    /** Collects one entry per data line, in order; reused from frame to frame. */
    static final class Builder {

        private int[] dataIndexes = new int[4];
        private long[] streamOffsets = new long[4];
        private int size;

        /** The data line whose value starts at {@code dataIndex} of the data was read at {@code streamOffset}. */
        void add(int dataIndex, long streamOffset) {
            if (size == dataIndexes.length) {
                dataIndexes = Arrays.copyOf(dataIndexes, size * 2);
                streamOffsets = Arrays.copyOf(streamOffsets, size * 2);
            }
            dataIndexes[size] = dataIndex;
            streamOffsets[size] = streamOffset;
            size++;
        }

        DataOffsets build() {
            return new DataOffsets(Arrays.copyOf(dataIndexes, size), Arrays.copyOf(streamOffsets, size));
        }

        void clear() {
            size = 0;
            if (dataIndexes.length > 64) {
                dataIndexes = new int[4];
                streamOffsets = new long[4];
            }
        }
    }
}
