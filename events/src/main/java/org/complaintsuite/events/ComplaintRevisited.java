package org.complaintsuite.events;

import java.time.Instant;

/**
 * The case re-opens: a dissatisfied follow-up, or a repeat complaint ({@code REPEAT_COMPLAINT}) whose new
 * contact is {@code contact} (the complaintId it was registered under at intake).
 */
public record ComplaintRevisited(
        ComplaintId complaintId,
        int round,
        String reason,
        Instant revisitedAt,
        ComplaintId contact) implements LifecycleEvent {

    public static final String DISSATISFIED_FOLLOW_UP = "DISSATISFIED_FOLLOW_UP";
    public static final String REPEAT_COMPLAINT = "REPEAT_COMPLAINT";
}
