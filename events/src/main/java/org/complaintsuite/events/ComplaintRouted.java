package org.complaintsuite.events;

import java.time.Instant;

/**
 * A case was opened (round 1) or re-opened (round 2+) and routed. {@code openedAt} is when the round
 * began (the complaint's receipt, or the revisit), which is where its resolution clock starts.
 * {@code owner} is the first-contact owner; {@code previousAssignee}, on a re-opened case, who worked
 * on it the round before; {@code subjectType} the type of what the complaint is about (PRODUCT, STAFF...),
 * which routing rules may match.
 */
public record ComplaintRouted(
        ComplaintId complaintId,
        int round,
        RequestKind kind,
        Category category,
        HandlingMode handlingMode,
        String department,
        EscalationLevel escalationLevel,
        String ruleId,
        Instant openedAt,
        Instant routedAt,
        Channel channel,
        Priority priority,
        String owner,
        String previousAssignee,
        String subjectType) implements LifecycleEvent {
}
