package org.complaintsuite.sla.config;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Holiday dates from an iCalendar file: every all-day VEVENT ({@code DTSTART;VALUE=DATE:20261001}), with
 * {@code DTEND} (exclusive) for holidays that last several days. Times and recurrences are not read.
 */
final class ICalendarHolidays {

    private ICalendarHolidays() {
    }

    static Set<LocalDate> dates(String ics) {
        Set<LocalDate> dates = new HashSet<>();
        LocalDate start = null;
        LocalDate end = null;
        for (String raw : ics.split("\\R")) {
            String line = raw.trim();
            if (line.equals("BEGIN:VEVENT")) {
                start = null;
                end = null;
            } else if (line.startsWith("DTSTART")) {
                start = date(line);
            } else if (line.startsWith("DTEND")) {
                end = date(line);
            } else if (line.equals("END:VEVENT") && start != null) {
                LocalDate last = end == null ? start : end.minusDays(1);
                for (LocalDate d = start; !d.isAfter(last); d = d.plusDays(1)) {
                    dates.add(d);
                }
            }
        }
        return dates;
    }

    private static LocalDate date(String line) {
        String value = line.substring(line.indexOf(':') + 1).trim();
        return LocalDate.parse(value.substring(0, 8), SlaCatalogueFile.BASIC_DATE);
    }
}
