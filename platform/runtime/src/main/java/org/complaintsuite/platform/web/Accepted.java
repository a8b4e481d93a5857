package org.complaintsuite.platform.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to an accepted command: its events are stored; read the resource at {@code Location}. */
@Schema(description = "The command was accepted and its events are stored; the Location header names the resource to read.")
public record Accepted(String complaintId) {
}
