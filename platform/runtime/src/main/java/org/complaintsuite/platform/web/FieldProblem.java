package org.complaintsuite.platform.web;

/** One field at fault in a request, and why. */
public record FieldProblem(String field, String reason) {
}
