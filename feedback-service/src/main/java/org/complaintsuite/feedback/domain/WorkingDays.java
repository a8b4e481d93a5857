package org.complaintsuite.feedback.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * The business calendar follow-ups are planned on: Monday to Friday minus holidays, in the deployment's
 * time zone. A follow-up due on working day N is due by the end of that day; a call retried "next working
 * morning" is retried at {@code morning} of the next working day.
 */
public record WorkingDays(ZoneId zone, Set<LocalDate> holidays, LocalTime morning) {

    public WorkingDays {
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        morning = morning == null ? LocalTime.of(9, 0) : morning;
    }

    /** The end (last second) of the {@code days}-th working day after the day of {@code from}. */
    public Instant endOfWorkingDay(Instant from, int days) {
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(zone).minusSeconds(1).toInstant();
    }

    /** {@code morning} of the first working day after the day of {@code from}. */
    public Instant nextWorkingMorning(Instant from) {
        LocalDate day = from.atZone(zone).toLocalDate().plusDays(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day.atTime(morning).atZone(zone).toInstant();
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }
}
