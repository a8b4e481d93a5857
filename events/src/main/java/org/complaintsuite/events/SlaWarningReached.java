package org.complaintsuite.events;

import java.time.Instant;

/** A running clock used up {@code fraction} (e.g. 0.8) of its allowed working time. */
public record SlaWarningReached(
        ComplaintId complaintId,
        String clockId,
        SlaTarget target,
        double fraction,
        Instant reachedAt,
        Instant dueAt,
        ClockSubject subject) implements LifecycleEvent {
}
