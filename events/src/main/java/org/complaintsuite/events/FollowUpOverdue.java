package org.complaintsuite.events;

import java.time.Instant;

/**
 * A follow-up of a resolved case was not made by its due time (its SLA {@code FOLLOW_UP} clock
 * {@code clockId} breached): it is escalated to {@code escalatedTo}, the supervisor above the case's
 * owner, so that someone calls the customer. Recorded by routing once per breached clock; the case stays
 * resolved.
 */
public record FollowUpOverdue(
        ComplaintId complaintId,
        int round,
        String clockId,
        Instant dueAt,
        String owner,
        String escalatedTo,
        Instant escalatedAt) implements LifecycleEvent {
}
