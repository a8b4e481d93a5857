package org.complaintsuite.events;

import java.time.Instant;

/**
 * A case was given to an agent of its department to work on: automatically (the least loaded agent with
 * the skill, {@code assignedBy} "routing") or by a supervisor's reassignment, with the reason.
 */
public record CaseAssigned(
        ComplaintId complaintId,
        int round,
        String assignee,
        String department,
        String reason,
        String assignedBy,
        Instant assignedAt) implements LifecycleEvent {
}
