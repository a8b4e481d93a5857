package org.complaintsuite.events;

import java.time.Instant;

/**
 * A case was resolved: whether the complaint was substantiated, what was found, what was done about it
 * (with the compensation paid, if any), why it happened — in words ({@code rootCause}) and as a code of the
 * deployment's cause catalogue ({@code causeCode}) — and the note sent to the customer. {@code department}
 * handled the case; {@code responsibleDepartment} is where a company fault lies (production, technical,
 * quality control, sales...). Events recorded before these were carried lack them.
 */
public record ComplaintResolved(
        ComplaintId complaintId,
        int round,
        Category category,
        String finding,
        String remedy,
        String rootCause,
        String note,
        String resolvedBy,
        Instant resolvedAt,
        Validity validity,
        Compensation compensation,
        RequestKind kind,
        String department,
        String causeCode,
        String responsibleDepartment) implements LifecycleEvent {

    /**
     * Whether the customer is followed up: complaints and service requests are; a consultation or a query
     * is closed with its resolution. An event recorded before it carried the kind is followed up.
     */
    public boolean followedUp() {
        return kind == null || kind.isTracked();
    }
}
