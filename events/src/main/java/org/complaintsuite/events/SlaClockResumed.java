package org.complaintsuite.events;

import java.time.Instant;

/** A paused clock counts again; its due time moved by the working time it spent paused. */
public record SlaClockResumed(
        ComplaintId complaintId,
        String clockId,
        SlaTarget target,
        String causedBy,
        Instant resumedAt,
        Instant dueAt) implements LifecycleEvent {
}
