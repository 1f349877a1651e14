package io.mesosevents.ingestor.leader;

/**
 * Told when this replica becomes the active ingestor of its source and when it stops being it.
 *
 * <p>Calls come one at a time on a thread of their own and strictly alternate: {@code elected()},
 * {@code revoked()}, {@code elected()}, … A {@code revoked()} follows every {@code elected()}, also
 * one that threw and also when the election is closed. Neither may call {@link LeaderElection#close()}.
 */
public interface LeadershipListener {

    /**
     * This replica should now write: start ingesting (claim the transactional id, subscribe to the
     * source). If this throws, the election resigns so that another replica can try.
     */
    void elected();

    /**
     * This replica must stop writing. Leadership is handed over once this returns (or after the
     * election's handover timeout), so stopping here lets the old leader commit before the new one starts.
     */
    void revoked();
}
