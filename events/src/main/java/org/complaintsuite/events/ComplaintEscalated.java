package org.complaintsuite.events;

import java.time.Instant;

/**
 * A case moved up the escalation ladder. {@code trigger} is MANUAL, SLA_BREACH, or the intake rule flag
 * that escalated the case on arrival: VIP, MAJOR_ACCOUNT, SAFETY_INCIDENT, MEDIA_OR_LEGAL_THREAT.
 */
public record ComplaintEscalated(
        ComplaintId complaintId,
        EscalationLevel fromLevel,
        EscalationLevel toLevel,
        String reason,
        String trigger,
        String actor,
        Instant escalatedAt) implements LifecycleEvent {
}
