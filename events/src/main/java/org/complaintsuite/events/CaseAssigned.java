package org.complaintsuite.events;

import java.time.Instant;

/**
 * A case was given to someone to work on: automatically (the least loaded agent with the skill,
 * {@code assignedBy} "routing"), to the person at a new level by an escalation, or by a supervisor's
 * reassignment, with the reason. {@code takesOwnership}: the assignee becomes the case's first-contact owner
 * too — the first assignee of a case nobody took in person (a self-service channel), or the person an
 * escalation handed it to (DOMAIN.md: the receiver owns it until it is resolved or formally escalated).
 */
public record CaseAssigned(
        ComplaintId complaintId,
        int round,
        String assignee,
        String department,
        String reason,
        String assignedBy,
        Instant assignedAt,
        Boolean takesOwnership) implements LifecycleEvent {

    public boolean ownershipPasses() {
        return Boolean.TRUE.equals(takesOwnership);
    }
}
