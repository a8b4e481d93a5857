package org.complaintsuite.intake.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.Classification;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.Customer;
import org.complaintsuite.events.LinkedComplaint;
import org.complaintsuite.events.LookupAnswer;
import org.complaintsuite.events.OnTheSpotAnswer;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.PriorityTrigger;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.Subject;

import java.time.Instant;
import java.util.List;

public record RegisterComplaintCommand(
        @TargetAggregateIdentifier ComplaintId complaintId,
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
        LookupAnswer answeredAutomatically) {
}
