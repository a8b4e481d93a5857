package org.complaintsuite.platform.web;

import java.util.List;
import java.util.stream.Collectors;

/** One field at fault in a request, and why. */
public record FieldProblem(String field, String reason) {

    /** Every problem on one line, "field reason; field reason": a dead-letter record's reason. */
    public static String describe(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.field() + " " + p.reason()).collect(Collectors.joining("; "));
    }
}
