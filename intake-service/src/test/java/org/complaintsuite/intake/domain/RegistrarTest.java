package org.complaintsuite.intake.domain;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.Customer;
import org.complaintsuite.events.LinkedComplaint;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.Subject;
import org.complaintsuite.intake.domain.LookupTable.Code;
import org.complaintsuite.intake.domain.LookupTable.Lookup;
import org.complaintsuite.intake.domain.LookupTable.Verdict;
import org.complaintsuite.intake.domain.RepeatDetection.EarlierComplaint;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Given the customer's earlier contacts, when a submission is registered, then this command (or a refusal). */
class RegistrarTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final ComplaintId ID = ComplaintId.fromNaturalKey("WEB:form-1");
    private static final ComplaintId EARLIER = ComplaintId.fromNaturalKey("PHONE:call-0");
    private static final Subject KETTLE = new Subject("PRODUCT", "SKU-42");

    private final List<ProblemKey> asked = new ArrayList<>();
    private Optional<EarlierComplaint> earlier = Optional.empty();

    private final Registrar registrar = new Registrar(new CustomerIdentity("CN"), Classifier.of(List.of(), List.of()),
            new LookupTable(List.of(new Lookup("product-authenticity", List.of("BARCODE"), Map.of(
                    "GENUINE", new Verdict("{code} is genuine.", null, null),
                    "COUNTERFEIT", new Verdict("{code} was never issued.", RequestKind.COMPLAINT, Category.PRODUCT_QUALITY)),
                    "COUNTERFEIT", List.of(new Code("6901234567892", "GENUINE", null))))),
            new RepeatDetection(Duration.ofDays(30)), (keys, problem, exclude) -> {
                asked.add(problem);
                return earlier;
            }, Clock.fixed(NOW, ZoneOffset.UTC));

    private static Registrar.Submission submission(RequestKind kind, Subject subject, String answer) {
        return new Registrar.Submission(ID, Channel.WEB, " form-1 ", kind, Category.PRODUCT_QUALITY, null,
                new Customer(null, "Li Wei", "138 0013 8000", null), subject, "The kettle leaks", null, "agent-7",
                answer);
    }

    @Test
    void aContactIsRegisteredWithTheCustomerNormalisedAtTheClocksTime() {
        RegisterComplaintCommand command = registrar.register(submission(RequestKind.COMPLAINT, KETTLE, null));
        assertThat(command.customer().phone()).isEqualTo("+8613800138000");
        assertThat(command.receivedAt()).isEqualTo(NOW);
        assertThat(command.externalId()).isEqualTo("form-1");
        assertThat(command.linkedTo()).isNull();
        assertThat(asked).containsExactly(ProblemKey.of(RequestKind.COMPLAINT, KETTLE, Category.PRODUCT_QUALITY,
                "The kettle leaks"));
    }

    @Test
    void aContactAboutAnOpenEarlierComplaintIsLinkedToIt() {
        earlier = Optional.of(new EarlierComplaint(EARLIER, null));
        assertThat(registrar.register(submission(RequestKind.COMPLAINT, KETTLE, null)).linkedTo())
                .isEqualTo(new LinkedComplaint(EARLIER, LinkedComplaint.Reason.MULTI_CHANNEL_DUPLICATE));
        earlier = Optional.of(new EarlierComplaint(EARLIER, NOW.minus(Duration.ofDays(3))));
        assertThat(registrar.register(submission(RequestKind.COMPLAINT, KETTLE, null)).linkedTo().reason())
                .isEqualTo(LinkedComplaint.Reason.REPEAT_COMPLAINT);
    }

    @Test
    void onlyAConsultationIsAnsweredOnTheSpot() {
        assertThatThrownBy(() -> registrar.register(submission(null, KETTLE, "Descale it.")))
                .isInstanceOfSatisfying(Registrar.Refused.class, r -> assertThat(r.field()).isEqualTo("answer"))
                .hasMessageContaining("this reads as a COMPLAINT");
        RegisterComplaintCommand consultation = registrar.register(submission(RequestKind.CONSULTATION, KETTLE,
                " Descale it. "));
        assertThat(consultation.answeredOnTheSpot().answer()).isEqualTo("Descale it.");
        assertThat(consultation.answeredOnTheSpot().answeredBy()).isEqualTo("agent-7");
    }

    @Test
    void anAnsweredQueryIsLinkedWithNothingAndACounterfeitIsMatchedAsTheComplaintItOpens() {
        RegisterComplaintCommand genuine = registrar.register(submission(RequestKind.QUERY,
                new Subject("BARCODE", "6901234567892"), null));
        assertThat(genuine.answeredAutomatically().verdict()).isEqualTo("GENUINE");
        assertThat(asked).as("an answered query is matched with nothing").isEmpty();
        Subject fake = new Subject("BARCODE", "6909999999994");
        earlier = Optional.of(new EarlierComplaint(EARLIER, null));
        RegisterComplaintCommand counterfeit = registrar.register(submission(RequestKind.QUERY, fake, null));
        assertThat(counterfeit.answeredAutomatically().opensKind()).isEqualTo(RequestKind.COMPLAINT);
        assertThat(asked).containsExactly(ProblemKey.of(RequestKind.COMPLAINT, fake, Category.PRODUCT_QUALITY,
                "The kettle leaks"));
        assertThat(counterfeit.linkedTo().complaintId()).isEqualTo(EARLIER);
    }
}
