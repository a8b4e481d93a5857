package org.complaintsuite.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How much working time one target allows, counted on a calendar: a fixed duration, or a duration by
 * the local time of day the clock starts (field arrival), or neither when the step that starts the clock
 * sets its due time (a follow-up is due when its plan says).
 */
public record TargetRule(Duration allowed, String calendarId, List<TimeOfDayBand> bands) {

    public TargetRule {
        bands = bands == null ? List.of() : List.copyOf(bands);
        calendarId = calendarId == null ? BusinessCalendar.ALWAYS_OPEN : calendarId;
    }

    /** The working time allowed for a clock starting at {@code start}; null when the starting step sets it. */
    Duration allowedFor(Instant start, BusinessCalendar calendar) {
        if (bands.isEmpty()) {
            return allowed;
        }
        var local = start.atZone(calendar.zone()).toLocalTime();
        return bands.stream().filter(b -> b.contains(local)).findFirst()
                .map(TimeOfDayBand::allowed)
                .orElseThrow(() -> new IllegalStateException("no time-of-day band covers " + local));
    }
}
