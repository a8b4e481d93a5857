package org.complaintsuite.events;

import java.time.Instant;

/**
 * Someone must go on site (inspect a product at a shop, a meter, an installation). {@code visit}
 * numbers the visits of one complaint from 1; {@code area} decides the arrival target.
 */
public record FieldVisitRequested(
        ComplaintId complaintId,
        int round,
        int visit,
        Area area,
        String location,
        String reason,
        String requestedBy,
        Instant requestedAt) implements LifecycleEvent {
}
