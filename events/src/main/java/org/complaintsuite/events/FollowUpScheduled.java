package org.complaintsuite.events;

import java.time.Instant;

/** A call-back to the customer is due after a resolution. */
public record FollowUpScheduled(
        ComplaintId complaintId,
        int round,
        Category category,
        Instant scheduledAt,
        Instant dueBy) implements LifecycleEvent {
}
