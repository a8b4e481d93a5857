package org.complaintsuite.platform.web;

import java.util.List;

/** A request the service understood but will not accept; answered 400 with every field at fault. */
public class InvalidRequestException extends RuntimeException {
    private final List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public InvalidRequestException(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    /** Rejects the request when any field is at fault (the platform answers 400 listing them all). */
    public static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
