package org.complaintsuite.feedback.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When a follow-up is due: a number of working days (Monday to Friday, minus holidays) after the
 * resolution, at the end of that working day in the deployment's time zone.
 */
public record FollowUpPolicy(int workingDays, ZoneId zone, Set<LocalDate> holidays) {

    public FollowUpPolicy {
        if (workingDays < 1) {
            throw new IllegalArgumentException("followUp.workingDays must be at least 1");
        }
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    public Instant dueBy(Instant resolvedAt) {
        LocalDate day = resolvedAt.atZone(zone).toLocalDate();
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        ZonedDateTime endOfDay = day.plusDays(1).atStartOfDay(zone).minusSeconds(1);
        return endOfDay.toInstant();
    }

    boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }
}
