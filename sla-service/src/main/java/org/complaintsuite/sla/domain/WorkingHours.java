package org.complaintsuite.sla.domain;

import java.time.LocalTime;

/** One working period of a day, e.g. 08:30–12:00. {@code endsAtMidnight} stands for 24:00. */
public record WorkingHours(LocalTime from, LocalTime to, boolean endsAtMidnight) {

    public WorkingHours {
        if (!endsAtMidnight && !to.isAfter(from)) {
            throw new IllegalArgumentException("working hours must end after they begin: " + from + "-" + to);
        }
    }

    /** Parses {@code HH:mm-HH:mm}; {@code 24:00} is the end of the day. */
    public static WorkingHours parse(String text) {
        String[] parts = text.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("working hours look like 08:30-17:30, not '" + text + "'");
        }
        LocalTime from = LocalTime.parse(parts[0].trim());
        String end = parts[1].trim();
        if (end.equals("24:00")) {
            return new WorkingHours(from, LocalTime.MIDNIGHT, true);
        }
        return new WorkingHours(from, LocalTime.parse(end), false);
    }

    @Override
    public String toString() {
        return from + "-" + (endsAtMidnight ? "24:00" : to.toString());
    }
}
