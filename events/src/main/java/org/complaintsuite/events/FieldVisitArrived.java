package org.complaintsuite.events;

import java.time.Instant;

/** The field worker arrived on site for visit {@code visit} of the complaint. */
public record FieldVisitArrived(
        ComplaintId complaintId,
        int round,
        int visit,
        String arrivedBy,
        Instant arrivedAt) implements LifecycleEvent {
}
