package org.complaintsuite.events;

import java.time.Instant;

/** The customer confirmed the resolution; the complaint's life ends here. */
public record ComplaintClosed(
        ComplaintId complaintId,
        int round,
        int satisfaction,
        Instant closedAt) implements LifecycleEvent {
}
