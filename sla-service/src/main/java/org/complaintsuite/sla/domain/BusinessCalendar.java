package org.complaintsuite.sla.domain;

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

import org.complaintsuite.events.SlaCalendar;

/**
 * When the clock runs: working hours per weekday in a time zone, minus holidays. Calendar time
 * ({@link #alwaysOpen}) is plain elapsed time. Business time is counted interval by interval in the
 * zone's local time, so a daylight-saving change shortens or lengthens the day it falls on exactly as
 * the wall clock does.
 */
public final class BusinessCalendar {

    public static final String ALWAYS_OPEN = "24x7";
    private static final int MAX_DAYS_SCANNED = 3 * 366;

    private final String id;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<WorkingHours>> hours;
    private final Set<LocalDate> holidays;
    private final boolean alwaysOpen;

    public BusinessCalendar(String id, ZoneId zone, Map<DayOfWeek, List<WorkingHours>> hours, Set<LocalDate> holidays) {
        this(id, zone, hours, holidays, false);
        if (this.hours.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("calendar " + id + " has no working hours at all");
        }
    }

    private BusinessCalendar(String id, ZoneId zone, Map<DayOfWeek, List<WorkingHours>> hours,
                             Set<LocalDate> holidays, boolean alwaysOpen) {
        this.id = id;
        this.zone = zone;
        Map<DayOfWeek, List<WorkingHours>> copy = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            copy.put(day, List.copyOf(hours.getOrDefault(day, List.of())));
        }
        this.hours = copy;
        this.holidays = Set.copyOf(holidays);
        this.alwaysOpen = alwaysOpen;
    }

    public static BusinessCalendar alwaysOpen(ZoneId zone) {
        return new BusinessCalendar(ALWAYS_OPEN, zone, Map.of(), Set.of(), true);
    }

    public String id() {
        return id;
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isAlwaysOpen() {
        return alwaysOpen;
    }

    public Map<DayOfWeek, List<WorkingHours>> hours() {
        return hours;
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    /** The instant at which {@code workingTime} of this calendar has passed since {@code start}. */
    public Instant plus(Instant start, Duration workingTime) {
        if (alwaysOpen || workingTime.isZero()) {
            return start.plus(workingTime);
        }
        Duration remaining = workingTime;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS_SCANNED; i++, day = day.plusDays(1)) {
            for (Instant[] period : periods(day)) {
                Instant from = period[0].isAfter(start) ? period[0] : start;
                if (!from.isBefore(period[1])) {
                    continue;
                }
                Duration available = Duration.between(from, period[1]);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalStateException("calendar " + id + " has too little working time to count " + workingTime);
    }

    /** The working time of this calendar between two instants. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (alwaysOpen) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (Instant[] period : periods(day)) {
                Instant a = period[0].isAfter(from) ? period[0] : from;
                Instant b = period[1].isBefore(to) ? period[1] : to;
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    public boolean isWorkingDay(LocalDate day) {
        return !holidays.contains(day) && !hours.get(day.getDayOfWeek()).isEmpty();
    }

    private List<Instant[]> periods(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        return hours.get(day.getDayOfWeek()).stream().map(h -> new Instant[]{
                ZonedDateTime.of(day, h.from(), zone).toInstant(),
                h.endsAtMidnight()
                        ? day.plusDays(1).atStartOfDay(zone).toInstant()
                        : ZonedDateTime.of(day, h.to(), zone).toInstant()}).toList();
    }

    /** Monday to Friday with the same hours, the usual office calendar. */
    public static BusinessCalendar weekdays(String id, ZoneId zone, Set<LocalDate> holidays, String... periods) {
        List<WorkingHours> day = java.util.Arrays.stream(periods).map(WorkingHours::parse).toList();
        Map<DayOfWeek, List<WorkingHours>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.put(d, day);
        }
        return new BusinessCalendar(id, zone, hours, holidays);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BusinessCalendar c && c.alwaysOpen == alwaysOpen && c.id.equals(id) && c.zone.equals(zone)
                && c.hours.equals(hours) && c.holidays.equals(holidays);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(id, zone, hours, holidays, alwaysOpen);
    }

    @Override
    public String toString() {
        return id + "@" + zone;
    }

    /** The calendar as recorded on the clock's start event, so the clock can always be explained. */
    public SlaCalendar snapshot() {
        Map<String, List<String>> byDay = new java.util.LinkedHashMap<>();
        hours.forEach((day, periods) -> {
            if (!periods.isEmpty()) {
                byDay.put(day.name(), periods.stream().map(WorkingHours::toString).toList());
            }
        });
        return new SlaCalendar(id, zone.getId(), byDay, holidays.stream().sorted().toList());
    }

    public static BusinessCalendar of(SlaCalendar snapshot) {
        ZoneId zone = ZoneId.of(snapshot.zone());
        if (ALWAYS_OPEN.equals(snapshot.id())) {
            return alwaysOpen(zone);
        }
        Map<DayOfWeek, List<WorkingHours>> hours = new EnumMap<>(DayOfWeek.class);
        snapshot.hours().forEach((day, periods) ->
                hours.put(DayOfWeek.valueOf(day), periods.stream().map(WorkingHours::parse).toList()));
        return new BusinessCalendar(snapshot.id(), zone, hours,
                snapshot.holidays() == null ? Set.of() : Set.copyOf(snapshot.holidays()));
    }
}
