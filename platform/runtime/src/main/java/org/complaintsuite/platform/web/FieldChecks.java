package org.complaintsuite.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The checks most request fields need, each adding a {@link FieldProblem} instead of failing fast. */
public final class FieldChecks {

    private FieldChecks() {
    }

    /** Who acted, as a request names it; a request that names nobody is recorded as "unknown". */
    public static String orUnknown(String actor) {
        return blank(actor) ? "unknown" : actor;
    }

    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The value without surrounding spaces, or null when it is blank. */
    public static String trimmedOrNull(String value) {
        return blank(value) ? null : value.trim();
    }

    public static void required(List<FieldProblem> problems, String field, String value, int maxLength) {
        if (blank(value)) {
            problems.add(new FieldProblem(field, "is required"));
        } else {
            maxLength(problems, field, value, maxLength);
        }
    }

    public static void maxLength(List<FieldProblem> problems, String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            problems.add(new FieldProblem(field, "is longer than " + maxLength + " characters"));
        }
    }

    /**
     * The constant a field names (case-insensitive), or {@code fallback} when the field is blank; a problem
     * listing the allowed values when it names none of them, or when it is blank and {@code fallback} is null
     * and the field is required.
     */
    public static <E extends Enum<E>> E oneOf(List<FieldProblem> problems, String field, String value,
                                              Class<E> type, boolean required, E fallback) {
        if (blank(value)) {
            if (required && fallback == null) {
                problems.add(new FieldProblem(field, "is required: one of " + allowed(type)));
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "must be one of " + allowed(type)));
            return null;
        }
    }

    /** A page of a listing: page 0 or more, size 1 to {@code maxSize}. */
    public static void page(List<FieldProblem> problems, int page, int size, int maxSize) {
        if (page < 0 || size < 1 || size > maxSize) {
            problems.add(new FieldProblem("page/size", "page >= 0 and 1 <= size <= " + maxSize));
        }
    }

    private static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList().toString();
    }
}
