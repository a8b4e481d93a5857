package org.complaintsuite.sla.projection;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.media.Schema;
import org.complaintsuite.events.ClockSubject;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.SlaCalendar;
import org.complaintsuite.events.SlaClockRecalculated;
import org.complaintsuite.events.SlaTarget;

import java.time.Instant;
import java.util.List;

/**
 * One clock explained: the policy and version that set it, its calendar, when it started and is due, each
 * pause and resumption with what caused it, the warnings reached, the recalculations, and how it ended.
 */
@Schema(description = "One SLA clock explained: policy and version, calendar, start and due time, pauses and "
        + "resumptions with their cause, warnings, recalculations, state and how it ended.")
public record SlaClock(
        @JsonAlias("_id") String clockId,
        ComplaintId complaintId,
        SlaTarget target,
        int round,
        ClockSubject subject,
        String policyId,
        String policyVersion,
        SlaCalendar calendar,
        long allowedSeconds,
        List<Double> warnAt,
        String previousClockId,
        Instant startedAt,
        Instant dueAt,
        State state,
        boolean open,
        Boolean warned,
        @Schema(description = "working seconds counted: until now for an open clock, until it stopped otherwise")
        Long elapsedSeconds,
        @Schema(description = "calendar seconds from start to stop, pauses included; set once the clock stopped")
        Long calendarSeconds,
        Instant breachedAt,
        Instant stoppedAt,
        List<Pause> pauses,
        List<Resumption> resumptions,
        List<Warning> warnings,
        List<SlaClockRecalculated> recalculations) {

    public enum State { RUNNING, PAUSED, BREACHED, MET }

    public record Pause(Instant pausedAt, String reason, String causedBy, long elapsedSeconds) {
    }

    public record Resumption(Instant resumedAt, String causedBy, Instant dueAt) {
    }

    public record Warning(double fraction, Instant reachedAt) {
    }

    /** Every clock of a complaint in the order they started, as of a moment. */
    public record OfComplaint(ComplaintId complaintId, Instant asOf, List<SlaClock> clocks) {
    }
}
