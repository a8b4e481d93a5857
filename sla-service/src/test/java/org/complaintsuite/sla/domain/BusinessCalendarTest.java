package org.complaintsuite.sla.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessCalendar OFFICE =
            BusinessCalendar.weekdays("office", SHANGHAI, Set.of(), "08:30-12:00", "13:30-17:30");

    private static Instant at(ZoneId zone, String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), zone).toInstant();
    }

    @Test
    void businessTimeStopsAtTheWeekendAndResumesOnMonday() {
        // Friday 2026-11-20 16:00: 1.5 h left that day, the other 1.5 h on Monday morning
        Instant due = OFFICE.plus(at(SHANGHAI, "2026-11-20T16:00"), Duration.ofHours(3));
        assertThat(due).isEqualTo(at(SHANGHAI, "2026-11-23T10:00"));
        assertThat(OFFICE.between(at(SHANGHAI, "2026-11-20T16:00"), due)).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void theLunchBreakDoesNotCount() {
        assertThat(OFFICE.plus(at(SHANGHAI, "2026-11-23T11:00"), Duration.ofHours(2)))
                .isEqualTo(at(SHANGHAI, "2026-11-23T14:30"));
    }

    @Test
    void aHolidayIsSkippedLikeAWeekend() {
        BusinessCalendar withHoliday = BusinessCalendar.weekdays("office", SHANGHAI,
                Set.of(LocalDate.of(2026, 11, 23)), "08:30-12:00", "13:30-17:30");
        assertThat(withHoliday.plus(at(SHANGHAI, "2026-11-20T16:00"), Duration.ofHours(3)))
                .isEqualTo(at(SHANGHAI, "2026-11-24T10:00"));
        assertThat(withHoliday.isWorkingDay(LocalDate.of(2026, 11, 23))).isFalse();
    }

    @Test
    void aClockStartedOutsideWorkingHoursBeginsCountingAtTheNextOpening() {
        assertThat(OFFICE.plus(at(SHANGHAI, "2026-11-21T10:00"), Duration.ofMinutes(30)))
                .isEqualTo(at(SHANGHAI, "2026-11-23T09:00"));
        assertThat(OFFICE.between(at(SHANGHAI, "2026-11-21T00:00"), at(SHANGHAI, "2026-11-22T23:59")))
                .isZero();
    }

    @Test
    void aDaylightSavingChangeCountsTheDayAsTheWallClockDoes() {
        Map<DayOfWeek, List<WorkingHours>> allDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            allDay.put(d, List.of(WorkingHours.parse("00:00-24:00")));
        }
        BusinessCalendar everyDay = new BusinessCalendar("every-day", BERLIN, allDay, Set.of());
        // Sunday 2026-03-29 has 23 hours in Berlin
        assertThat(everyDay.between(at(BERLIN, "2026-03-29T00:00"), at(BERLIN, "2026-03-30T00:00")))
                .isEqualTo(Duration.ofHours(23));
        assertThat(everyDay.plus(at(BERLIN, "2026-03-28T12:00"), Duration.ofHours(24)))
                .isEqualTo(at(BERLIN, "2026-03-29T13:00"));
        // office hours on the day after the change are whole
        BusinessCalendar berlinOffice = BusinessCalendar.weekdays("office", BERLIN, Set.of(), "09:00-17:00");
        assertThat(berlinOffice.plus(at(BERLIN, "2026-03-27T16:00"), Duration.ofHours(2)))
                .isEqualTo(at(BERLIN, "2026-03-30T10:00"));
    }

    @Test
    void calendarTimeIsElapsedTimeEvenAcrossADaylightSavingChange() {
        BusinessCalendar always = BusinessCalendar.alwaysOpen(BERLIN);
        Instant start = at(BERLIN, "2026-03-28T12:00");
        assertThat(always.plus(start, Duration.ofDays(3))).isEqualTo(start.plus(Duration.ofHours(72)));
    }

    @Test
    void aCalendarSurvivesItsSnapshotOnTheStartEvent() {
        BusinessCalendar withHoliday = BusinessCalendar.weekdays("office", SHANGHAI,
                Set.of(LocalDate.of(2026, 10, 1)), "08:30-12:00", "13:30-17:30");
        assertThat(BusinessCalendar.of(withHoliday.snapshot())).isEqualTo(withHoliday);
        assertThat(BusinessCalendar.of(BusinessCalendar.alwaysOpen(SHANGHAI).snapshot()).isAlwaysOpen()).isTrue();
    }

    @Test
    void aCalendarWithoutWorkingHoursIsRefused() {
        assertThatThrownBy(() -> new BusinessCalendar("never", SHANGHAI, Map.of(), Set.of()))
                .hasMessageContaining("no working hours");
    }
}
