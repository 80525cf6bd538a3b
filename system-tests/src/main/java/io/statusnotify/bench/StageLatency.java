package io.statusnotify.bench;

import java.util.List;

/**
 * The pipeline's end-to-end latency split in two at the moment a notification became visible to a
 * {@code read_committed} consumer (see {@link VisibilityProbe}).
 *
 * @param eventToVisible            visible − creationTimestamp (the event's eventTimestamp, i.e. its produce time):
 *                                  the streams app's share, its transaction commit interval included
 * @param visibleToReceived         POST received − visible: the sink's share (0 when the probe saw it later than the
 *                                  sink delivered it, which a probe polling on busy cores can)
 * @param notSeenByProbe            delivered notifications the probe never saw (should be 0)
 * @param eventToVisiblePerSecond   by the second the notification arrived at the receiver, as the end-to-end series
 * @param visibleToReceivedPerSecond the same for the second stage
 */
public record StageLatency(
        LatencySummary eventToVisible,
        LatencySummary visibleToReceived,
        long notSeenByProbe,
        List<PhaseResult.SecondStats> eventToVisiblePerSecond,
        List<PhaseResult.SecondStats> visibleToReceivedPerSecond) {
}
