package org.complaintsuite.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The business calendar a clock counts in, as it was when the clock started: working periods per
 * weekday ({@code MONDAY: ["08:30-12:00", "13:00-17:30"]}) in a time zone, minus holidays. The
 * calendar {@code 24x7} counts plain elapsed time.
 */
public record SlaCalendar(String id, String zone, Map<String, List<String>> hours, List<LocalDate> holidays) {
}
