package org.complaintsuite.events;

import java.time.Instant;
import java.util.List;

/**
 * A clock started for one target of one complaint, under the named policy version: {@code allowedSeconds}
 * of working time on {@code calendar}, due at {@code dueAt}. {@code previousClockId} links a re-opened
 * complaint's clock to the one before it.
 */
public record SlaClockStarted(
        ComplaintId complaintId,
        String clockId,
        SlaTarget target,
        int round,
        ClockSubject subject,
        String policyId,
        String policyVersion,
        Instant startedAt,
        Instant dueAt,
        long allowedSeconds,
        SlaCalendar calendar,
        List<Double> warnAt,
        String previousClockId) implements LifecycleEvent {
}
