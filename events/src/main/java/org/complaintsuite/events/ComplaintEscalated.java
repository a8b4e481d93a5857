package org.complaintsuite.events;

import java.time.Instant;

/** A case moved up the escalation ladder. {@code trigger} is MANUAL or SLA_BREACH. */
public record ComplaintEscalated(
        ComplaintId complaintId,
        EscalationLevel fromLevel,
        EscalationLevel toLevel,
        String reason,
        String trigger,
        String actor,
        Instant escalatedAt) implements LifecycleEvent {
}
