package org.complaintsuite.events;

import java.time.Instant;
import java.util.List;

/**
 * A complaint was registered at intake. Published by intake-service on {@code intake.complaints.v1}.
 * {@code receivedBy} is the agent who took it (first-contact owner), when a person did. The customer's
 * phone is in E.164 and the e-mail case-folded. {@code classification} says where kind and category came
 * from, {@code triggers} which rules raised the priority; {@code linkedTo} is set when the contact belongs
 * to an earlier complaint (no new case is opened for it); {@code answeredOnTheSpot} when a consultation was
 * answered during the contact: it is closed as it is registered, and no case is opened for it either;
 * {@code answeredAutomatically} when a query by code was answered from a lookup: closed as well, unless
 * the answer calls for a case ({@link #caseKind()}, {@link #caseCategory()}).
 */
public record ComplaintReceived(
        ComplaintId complaintId,
        Channel channel,
        String externalId,
        RequestKind kind,
        Category category,
        Customer customer,
        Subject subject,
        String description,
        String demand,
        Instant receivedAt,
        Priority priority,
        String receivedBy,
        Classification classification,
        List<PriorityTrigger> triggers,
        LinkedComplaint linkedTo,
        OnTheSpotAnswer answeredOnTheSpot,
        LookupAnswer answeredAutomatically) implements LifecycleEvent {

    public ComplaintReceived {
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
    }

    /**
     * A contact that opens a case of its own: not linked to an earlier complaint, not answered on the spot,
     * and not answered from a lookup unless the answer calls for a case.
     */
    public boolean opensACase() {
        return linkedTo == null && answeredOnTheSpot == null
                && (answeredAutomatically == null || answeredAutomatically.opensACase());
    }

    /** The kind of the case it opens: its own, or the one its automatic answer calls for (a counterfeit: a complaint). */
    public RequestKind caseKind() {
        return answeredAutomatically != null && answeredAutomatically.opensACase() ? answeredAutomatically.opensKind()
                : kind;
    }

    /** The category of the case it opens, likewise. */
    public Category caseCategory() {
        return answeredAutomatically != null && answeredAutomatically.opensCategory() != null
                ? answeredAutomatically.opensCategory() : category;
    }
}
