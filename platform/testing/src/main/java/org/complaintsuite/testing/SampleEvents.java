package org.complaintsuite.testing;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.Classification;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintReceived;
import org.complaintsuite.events.Customer;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.Subject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events as the upstream services publish them, for a service test to feed the service under test. */
public final class SampleEvents {

    private SampleEvents() {
    }

    public static ComplaintId newComplaintId() {
        return ComplaintId.of(UUID.randomUUID().toString());
    }

    /** A complaint taken by phone by {@code receivedBy} (null for a self-service channel). */
    public static ComplaintReceived received(ComplaintId id, RequestKind kind, Category category, Priority priority,
                                             String receivedBy, Instant receivedAt) {
        return new ComplaintReceived(id, receivedBy == null ? Channel.WEB : Channel.PHONE, "ext-" + id.value(), kind,
                category, new Customer("c-" + id.value(), "Li Wei", "+8613800138000", null),
                new Subject("PRODUCT", "SKU-42"), "The kettle leaks after two days", "replacement", receivedAt,
                priority, receivedBy, new Classification(Classification.Source.CHANNEL, null, null), List.of(), null, null,
                null);
    }

    public static ComplaintReceived complaint(ComplaintId id, Category category) {
        return received(id, RequestKind.COMPLAINT, category, Priority.NORMAL, "agent-7", Instant.now());
    }
}
