package org.complaintsuite.intake.api;

import org.complaintsuite.events.EventJson;

import java.nio.charset.StandardCharsets;

/** The JSON a channel submits. Free-form strings here; {@link SubmissionValidator} says what is wrong. */
public record SubmitComplaintRequest(
        String channel,
        String externalId,
        String kind,
        String category,
        CustomerPart customer,
        SubjectPart subject,
        String description,
        String demand,
        String priority,
        String receivedBy) {

    public record CustomerPart(String id, String name, String phone, String email) {
    }

    public record SubjectPart(String type, String code) {
    }

    /**
     * Reads a submission's JSON, from any channel; fails with an {@link IllegalArgumentException} that says
     * why in one line.
     */
    static SubmitComplaintRequest parse(byte[] json) {
        if (json == null || json.length == 0) {
            throw new IllegalArgumentException("not a valid submission: empty");
        }
        SubmitComplaintRequest request;
        try {
            request = EventJson.mapper().readValue(json, SubmitComplaintRequest.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid submission: " + firstLine(e.getMessage()), e);
        }
        if (request == null) {
            throw new IllegalArgumentException("not a valid submission: not a JSON object");
        }
        return request;
    }

    static SubmitComplaintRequest parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
