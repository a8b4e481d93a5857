package org.complaintsuite.sla.domain;

import org.complaintsuite.events.ClockSubject;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.SlaTarget;

import java.time.Instant;
import java.util.List;

/** Events the SLA service stores for itself; they are not published. */
public final class InternalEvents {
    private InternalEvents() {
    }

    /** The warning and due-time deadlines of a clock's current run; a new epoch voids the earlier ones. */
    public record ClockMarksScheduled(ComplaintId complaintId, String clockId, int epoch, List<String> deadlineIds) {
    }

    /** The stop arrived before the start (topics are consumed independently); applied when the start comes. */
    public record ClockStopArrivedFirst(ComplaintId complaintId, String clockId, Instant stoppedAt) {
    }

    /** A clock ended: how long it ran in working and in calendar time, and whether it was breached. */
    public record ClockStopped(ComplaintId complaintId, String clockId, SlaTarget target, ClockSubject subject,
                               Instant stoppedAt, long workingSeconds, long calendarSeconds, boolean breached) {
    }

    /** The payload of a clock's deadlines: a warning fraction, or 1.0 for the due time. */
    public record ClockMark(String clockId, int epoch, double fraction) {
    }
}
