package org.complaintsuite.intake.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.EventJson;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.RequestKind;

import java.nio.charset.StandardCharsets;

/** The JSON a channel submits. Free-form strings here; {@link SubmissionValidator} says what is wrong. */
public record SubmitComplaintRequest(
        @Schema(implementation = Channel.class, requiredMode = Schema.RequiredMode.REQUIRED,
                description = "case-insensitive") String channel,
        @Schema(maxLength = 120, description = "the channel's own reference; a retry with it stores nothing twice "
                + "(required on Kafka)") String externalId,
        @Schema(implementation = RequestKind.class, description = "case-insensitive; classified from the "
                + "description when left out") String kind,
        @Schema(implementation = Category.class, description = "case-insensitive; classified from the "
                + "description when left out") String category,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) CustomerPart customer,
        @Schema(description = "what it is about: a product code, barcode, shop or staff id") SubjectPart subject,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 8000) String description,
        @Schema(maxLength = 2000, description = "what the customer asks for") String demand,
        @Schema(implementation = Priority.class, description = "case-insensitive; raised by the priority rules")
        String priority,
        @Schema(maxLength = 200, description = "the agent who took it, who owns the first contact") String receivedBy,
        @Schema(maxLength = 4000, description = "a consultation answered during the contact: the answer given. The "
                + "consultation is registered and closed in one, no case is opened; needs receivedBy, the agent "
                + "who answered") String answer) {

    /** At least one of id, phone or e-mail identifies the customer. */
    @Schema(description = "at least one of id, phone or email; a phone without a country code is read in the "
            + "deployment's region")
    public record CustomerPart(@Schema(maxLength = 64) String id, @Schema(maxLength = 200) String name,
                               String phone, String email) {
    }

    public record SubjectPart(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 40) String type,
                              @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 120) String code) {
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
