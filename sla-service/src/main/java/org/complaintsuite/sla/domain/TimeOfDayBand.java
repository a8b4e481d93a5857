package org.complaintsuite.sla.domain;

import java.time.Duration;
import java.time.LocalTime;

/** A target that depends on the local time the clock starts, e.g. 20 minutes between 08:00 and 21:00. */
public record TimeOfDayBand(WorkingHours period, Duration allowed) {

    boolean contains(LocalTime time) {
        return !time.isBefore(period.from()) && (period.endsAtMidnight() || time.isBefore(period.to()));
    }
}
