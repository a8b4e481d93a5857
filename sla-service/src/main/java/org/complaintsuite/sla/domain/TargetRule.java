package org.complaintsuite.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How much working time one target allows, counted on a calendar: a fixed duration, or a duration by
 * the local time of day the clock starts (field arrival).
 */
public record TargetRule(Duration allowed, String calendarId, List<TimeOfDayBand> bands) {

    public TargetRule {
        bands = bands == null ? List.of() : List.copyOf(bands);
        calendarId = calendarId == null ? BusinessCalendar.ALWAYS_OPEN : calendarId;
    }

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
