package org.complaintsuite.events;

import java.time.Instant;

/**
 * Ownership of a case passed from one person to another: who had it, who has it now, why, and who
 * decided. Hand-offs are counted per complaint; too many are a failure indicator (DOMAIN.md).
 */
public record CaseHandedOff(
        ComplaintId complaintId,
        int round,
        String fromOwner,
        String toOwner,
        String reason,
        String handedOffBy,
        Instant handedOffAt) implements LifecycleEvent {
}
