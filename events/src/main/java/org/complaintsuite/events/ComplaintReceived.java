package org.complaintsuite.events;

import java.time.Instant;

/**
 * A complaint was registered at intake. Published by intake-service on {@code intake.complaints.v1}.
 * {@code receivedBy} is the agent who took it (first-contact owner), when a person did.
 */
public record ComplaintReceived(
        ComplaintId complaintId,
        Channel channel,
        String externalId,
        RequestKind kind,
        Category category,
        Customer customer,
        Subject subject,
        String description,
        String demand,
        Instant receivedAt,
        Priority priority,
        String receivedBy) implements LifecycleEvent {
}
