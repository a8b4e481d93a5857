package org.complaintsuite.intake.api;

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
}
