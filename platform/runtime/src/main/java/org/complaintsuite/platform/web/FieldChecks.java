package org.complaintsuite.platform.web;

import java.util.List;

/** The checks most request fields need, each adding a {@link FieldProblem} instead of failing fast. */
public final class FieldChecks {

    private FieldChecks() {
    }

    public static boolean blank(String value) {
        return value == null || value.isBlank();
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
}
