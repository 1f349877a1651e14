package io.mesosevents.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Map;

/**
 * Heap use of this JVM.
 *
 * @param peakBytes     sum of every heap pool's peak since {@link #resetPeaks()}: garbage not yet
 *                      collected counts, and pools may peak at different moments, so this is an
 *                      upper bound of what was in use at once
 * @param retainedBytes heap in use right after a full collection: what the process really holds
 * @param maxBytes      the heap limit the JVM runs with
 */
record HeapFigures(long peakBytes, long retainedBytes, long maxBytes) {

    static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Reads the peaks first: the full collection taken for the retained figure must not lower them. */
    static HeapFigures measure() {
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new HeapFigures(peak, heap.getUsed(), heap.getMax());
    }

    /** Adds these figures to a child's report, as {@link #from} reads them back. */
    void addTo(Map<String, String> values) {
        values.put("peak-heap", Long.toString(peakBytes));
        values.put("retained-heap", Long.toString(retainedBytes));
        values.put("max-heap", Long.toString(maxBytes));
    }

    static HeapFigures from(ReportLine report) {
        return new HeapFigures(report.number("peak-heap"), report.number("retained-heap"), report.number("max-heap"));
    }
}
