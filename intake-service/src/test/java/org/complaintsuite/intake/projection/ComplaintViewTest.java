package org.complaintsuite.intake.projection;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.Classification;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintReceived;
import org.complaintsuite.events.Customer;
import org.complaintsuite.events.LinkedComplaint;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.Subject;
import org.complaintsuite.intake.domain.CustomerIdentity;
import org.complaintsuite.intake.domain.ProblemKey;
import org.complaintsuite.intake.domain.RepeatDetection.EarlierComplaint;
import org.complaintsuite.testing.InfrastructureCondition;
import org.complaintsuite.testing.ScratchMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Given the complaints intake registered, what a new contact of the same customer is matched with. */
@ExtendWith(InfrastructureCondition.class)
class ComplaintViewTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-23T08:00:00Z");
    private static final Subject KETTLE = new Subject("PRODUCT", "SKU-42");

    private final Customer customer = new Customer("c-" + UUID.randomUUID(), null, null, null);
    private ComplaintView view;

    @BeforeEach
    void aViewOfItsOwn() {
        view = new ComplaintView(ScratchMongo.freshDatabase("intake"));
    }

    @Test
    void anOpenQueryAboutASubjectIsNotWhatALaterComplaintAboutItIsMatchedWith() {
        ComplaintId query = registered(RequestKind.QUERY, KETTLE, Category.PRODUCT_QUALITY, "Is it genuine?", null);

        assertThat(earlier(RequestKind.COMPLAINT, KETTLE, Category.PRODUCT_QUALITY, "It leaks")).isNull();
        assertThat(earlier(RequestKind.QUERY, KETTLE, Category.PRODUCT_QUALITY, "Genuine or not?"))
                .isEqualTo(new EarlierComplaint(query, null));
    }

    @Test
    void aComplaintIsMatchedWithTheLatestComplaintThatOpenedACaseNotWithAContactLinkedToIt() {
        ComplaintId older = registered(RequestKind.COMPLAINT, KETTLE, Category.PRODUCT_QUALITY, "It leaks", null);
        ComplaintId latest = registered(RequestKind.COMPLAINT, KETTLE, Category.PRODUCT_QUALITY, "Leaks again",
                null, RECEIVED.plusSeconds(60));
        registered(RequestKind.COMPLAINT, KETTLE, Category.PRODUCT_QUALITY, "Still leaking",
                new LinkedComplaint(latest, LinkedComplaint.Reason.MULTI_CHANNEL_DUPLICATE), RECEIVED.plusSeconds(120));

        assertThat(earlier(RequestKind.COMPLAINT, KETTLE, Category.PRODUCT_QUALITY, "Leaking"))
                .isEqualTo(new EarlierComplaint(latest, null))
                .isNotEqualTo(new EarlierComplaint(older, null));
    }

    @Test
    void twoBillingProblemsWithoutASubjectAreNotMatchedButTheSameTextIs() {
        ComplaintId first = registered(RequestKind.COMPLAINT, null, Category.PRICE_BILLING, "Charged twice", null);

        assertThat(earlier(RequestKind.COMPLAINT, null, Category.PRICE_BILLING, "Wrong roaming fee")).isNull();
        assertThat(earlier(RequestKind.COMPLAINT, null, Category.PRICE_BILLING, "charged TWICE!"))
                .isEqualTo(new EarlierComplaint(first, null));
    }

    @Test
    void aResolvedCaseIsAnsweredWithItsResolutionTimeAndAReopenedOneAsOpenAgain() {
        ComplaintId first = registered(RequestKind.COMPLAINT, KETTLE, Category.PRODUCT_QUALITY, "It leaks", null);
        Instant resolved = RECEIVED.plusSeconds(3_600);
        view.caseReached(first, 1, ComplaintView.CaseStage.RESOLVED, resolved).block();
        assertThat(earlier(RequestKind.COMPLAINT, KETTLE, Category.PRODUCT_QUALITY, "It leaks"))
                .isEqualTo(new EarlierComplaint(first, resolved));

        view.caseReached(first, 2, ComplaintView.CaseStage.OPEN, null).block();
        // news of round 1 arriving late changes nothing
        view.caseReached(first, 1, ComplaintView.CaseStage.RESOLVED, resolved).block();
        assertThat(earlier(RequestKind.COMPLAINT, KETTLE, Category.PRODUCT_QUALITY, "It leaks"))
                .isEqualTo(new EarlierComplaint(first, null));
    }

    private ComplaintId registered(RequestKind kind, Subject subject, Category category, String description,
                                   LinkedComplaint linkedTo) {
        return registered(kind, subject, category, description, linkedTo, RECEIVED);
    }

    private ComplaintId registered(RequestKind kind, Subject subject, Category category, String description,
                                   LinkedComplaint linkedTo, Instant receivedAt) {
        ComplaintId id = ComplaintId.random();
        view.on(new ComplaintReceived(id, Channel.PHONE, null, kind, category, customer, subject, description, null,
                receivedAt, Priority.NORMAL, "a-1", Classification.fromChannel(), List.of(), linkedTo, null, null));
        return id;
    }

    private EarlierComplaint earlier(RequestKind kind, Subject subject, Category category, String description) {
        return view.latestEarlier(CustomerIdentity.keys(customer), ProblemKey.of(kind, subject, category, description),
                ComplaintId.random()).block();
    }
}
