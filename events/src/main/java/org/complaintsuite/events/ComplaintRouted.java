package org.complaintsuite.events;

import java.time.Instant;

/** A case was opened (round 1) or re-opened (round 2+) and routed. Published by routing-service. */
public record ComplaintRouted(
        ComplaintId complaintId,
        int round,
        RequestKind kind,
        Category category,
        HandlingMode handlingMode,
        String department,
        EscalationLevel escalationLevel,
        String ruleId,
        Instant routedAt) implements LifecycleEvent {
}
