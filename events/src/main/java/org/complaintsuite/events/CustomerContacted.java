package org.complaintsuite.events;

import java.time.Instant;

/**
 * Someone handling the case got in touch with the customer (call, message, visit). {@code first} is true
 * for the first contact of the round: it stops the first-response clock.
 */
public record CustomerContacted(
        ComplaintId complaintId,
        int round,
        String contactedBy,
        String means,
        String note,
        boolean first,
        Instant contactedAt) implements LifecycleEvent {
}
