package org.complaintsuite.events;

import java.time.Instant;

/** A running clock was explicitly moved to another policy version; its due time changed from→to. */
public record SlaClockRecalculated(
        ComplaintId complaintId,
        String clockId,
        SlaTarget target,
        String policyId,
        String fromPolicyVersion,
        String toPolicyVersion,
        Instant previousDueAt,
        Instant dueAt,
        long elapsedSeconds,
        long allowedSeconds,
        SlaCalendar calendar,
        String reason,
        String requestedBy,
        Instant recalculatedAt) implements LifecycleEvent {
}
