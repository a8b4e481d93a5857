package org.complaintsuite.intake.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.Classification;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintReceived;
import org.complaintsuite.events.Customer;
import org.complaintsuite.events.LookupAnswer;
import org.complaintsuite.events.OnTheSpotAnswer;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.Subject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class ComplaintTest {

    private static final ComplaintId ID = ComplaintId.fromNaturalKey("PHONE:call-1");
    private static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");
    private AggregateTestFixture<Complaint> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Complaint.class);
    }

    private static RegisterComplaintCommand register(String description) {
        return register(RequestKind.COMPLAINT, description, null);
    }

    private static RegisterComplaintCommand register(RequestKind kind, String description, OnTheSpotAnswer answer) {
        return new RegisterComplaintCommand(ID, Channel.PHONE, "call-1", kind,
                Category.PRODUCT_QUALITY, new Customer("c-1", "Li Wei", "+8613800138000", null),
                new Subject("PRODUCT", "SKU-42"), description, "replacement", AT, Priority.HIGH, "agent-7",
                Classification.fromChannel(), List.of(), null, answer, null);
    }

    private static RegisterComplaintCommand query(RequestKind kind, LookupAnswer answer) {
        return new RegisterComplaintCommand(ID, Channel.APP, "app-1", kind, Category.PRODUCT_QUALITY,
                new Customer(null, null, "+8613800138000", null), new Subject("BARCODE", "6909999999994"),
                "Is this genuine?", null, AT, Priority.NORMAL, null, Classification.fromChannel(), List.of(), null,
                null, answer);
    }

    private static final LookupAnswer COUNTERFEIT = new LookupAnswer("product-authenticity", "COUNTERFEIT",
            "Never issued: likely counterfeit.", RequestKind.COMPLAINT, Category.PRODUCT_QUALITY);

    @Test
    void aQueryAnsweredFromTheLookupRecordsItsAnswerAndOpensTheCaseItsVerdictCallsFor() {
        fixture.givenNoPriorActivity()
                .when(query(RequestKind.QUERY, COUNTERFEIT))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintReceived r && COUNTERFEIT.equals(r.answeredAutomatically())
                                && r.kind() == RequestKind.QUERY && r.opensACase()
                                && r.caseKind() == RequestKind.COMPLAINT),
                        Matchers.andNoMore())));
        LookupAnswer genuine = new LookupAnswer("product-authenticity", "GENUINE", "Genuine.", null, null);
        fixture.givenNoPriorActivity()
                .when(query(RequestKind.QUERY, genuine))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintReceived r && !r.opensACase()),
                        Matchers.andNoMore())));
    }

    @Test
    void onlyAQueryIsAnsweredFromTheLookup() {
        fixture.givenNoPriorActivity()
                .when(query(RequestKind.COMPLAINT, COUNTERFEIT))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void registeringAComplaintRecordsEverythingTheCustomerSaid() {
        fixture.givenNoPriorActivity()
                .when(register("The kettle leaks"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ComplaintReceived(ID, Channel.PHONE, "call-1", RequestKind.COMPLAINT,
                        Category.PRODUCT_QUALITY, new Customer("c-1", "Li Wei", "+8613800138000", null),
                        new Subject("PRODUCT", "SKU-42"), "The kettle leaks", "replacement", AT, Priority.HIGH,
                        "agent-7", Classification.fromChannel(), List.of(), null, null, null));
    }

    @Test
    void aConsultationAnsweredInTheContactIsRegisteredClosedAndOpensNoCase() {
        OnTheSpotAnswer answer = new OnTheSpotAnswer("Descale it monthly with citric acid.", "agent-7");
        fixture.givenNoPriorActivity()
                .when(register(RequestKind.CONSULTATION, "How do I descale the kettle?", answer))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintReceived r && answer.equals(r.answeredOnTheSpot())
                                && !r.opensACase()),
                        Matchers.andNoMore())));
    }

    @Test
    void onlyAConsultationIsAnsweredOnTheSpot() {
        fixture.givenNoPriorActivity()
                .when(register(RequestKind.COMPLAINT, "The kettle leaks", new OnTheSpotAnswer("Sorry.", "agent-7")))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aComplaintWithoutADescriptionIsRejectedAndNothingIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(register("  "))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
