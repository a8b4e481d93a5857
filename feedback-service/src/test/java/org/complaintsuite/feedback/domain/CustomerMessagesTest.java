package org.complaintsuite.feedback.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.CustomerMessageIssued;
import org.complaintsuite.events.CustomerMessageIssued.MessageChannel;
import org.complaintsuite.events.CustomerMessageIssued.Purpose;
import org.complaintsuite.feedback.domain.Commands.IssueMessageCommand;
import org.complaintsuite.feedback.domain.Commands.RecordRecipientCommand;
import org.complaintsuite.feedback.domain.InternalEvents.MessageHeld;
import org.complaintsuite.feedback.domain.InternalEvents.RecipientRecorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Given what the customer was told so far, when news of the complaint arrives, then these messages. */
class CustomerMessagesTest {

    private static final ComplaintId ID = ComplaintId.of("4f2a9c1e-0000-4000-8000-000000000001");
    private static final Instant DUE = Instant.parse("2026-11-26T08:00:00Z"); // 16:00 in Shanghai
    static final MessageTemplates TEMPLATES = new MessageTemplates("en", ZoneId.of("Asia/Shanghai"), Map.of(
            "en", Map.of(Purpose.ACKNOWLEDGEMENT, "Ref {reference}: resolved by {promisedBy}.",
                    Purpose.RESOLUTION_NOTE, "Ref {reference}: {note}",
                    Purpose.SURVEY_INVITATION, "Ref {reference}: rate us 1-5 (follow-up {followUp})."),
            "zh-CN", Map.of(Purpose.ACKNOWLEDGEMENT, "编号 {reference}，{promisedBy} 前处理完毕。",
                    Purpose.RESOLUTION_NOTE, "编号 {reference}：{note}",
                    Purpose.SURVEY_INVITATION, "编号 {reference}：请打分。")));

    private AggregateTestFixture<CustomerMessages> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CustomerMessages.class);
        fixture.registerInjectableResource(TEMPLATES);
    }

    private static final RecipientRecorded BY_SMS = new RecipientRecorded(ID, MessageChannel.SMS, "+8613800138000");

    @Test
    void theAcknowledgementPromisesTheResolutionTimeInLocalTimeBySmsToThePhone() {
        fixture.given(BY_SMS)
                .when(new IssueMessageCommand(ID, Purpose.ACKNOWLEDGEMENT, 1, DUE, null, null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof CustomerMessageIssued m && m.channel() == MessageChannel.SMS
                                && m.to().equals("+8613800138000") && m.language().equals("en")
                                && m.text().equals("Ref 4F2A9C1E: resolved by 2026-11-26 16:00.")
                                && m.messageId().equals(ID.value() + ":ACKNOWLEDGEMENT:1")),
                        Matchers.andNoMore())));
    }

    @Test
    void eachMessageIsIssuedOnce() {
        fixture.given(BY_SMS, new CustomerMessageIssued(ID, ID.value() + ":RESOLUTION_NOTE:1", Purpose.RESOLUTION_NOTE,
                        MessageChannel.SMS, "+8613800138000", "en", "Ref: done", null, DUE))
                .when(new IssueMessageCommand(ID, Purpose.RESOLUTION_NOTE, 1, null, "done", null))
                .expectNoEvents();
        fixture.given(BY_SMS)
                .when(new IssueMessageCommand(ID, Purpose.RESOLUTION_NOTE, 2, null, "We replaced it again.", null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof CustomerMessageIssued m
                                && m.text().equals("Ref 4F2A9C1E: We replaced it again.")),
                        Matchers.andNoMore())));
    }

    @Test
    void newsBeforeTheAddressIsHeldAndIssuedWhenTheAddressArrives() {
        fixture.givenNoPriorActivity()
                .when(new IssueMessageCommand(ID, Purpose.ACKNOWLEDGEMENT, 1, DUE, null, null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof MessageHeld), Matchers.andNoMore())));
        fixture.given(new MessageHeld(ID, ID.value() + ":ACKNOWLEDGEMENT:1", Purpose.ACKNOWLEDGEMENT, DUE, null, null))
                .when(new RecordRecipientCommand(ID, null, "li.wei@example.org"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof RecipientRecorded r && r.channel() == MessageChannel.EMAIL),
                        Matchers.matches(p -> p instanceof CustomerMessageIssued m && m.to().equals("li.wei@example.org")
                                && m.purpose() == Purpose.ACKNOWLEDGEMENT),
                        Matchers.andNoMore())));
    }

    @Test
    void theSurveyInvitationNamesTheFollowUpAReplyAnswersAndACustomerWithoutAddressGetsNothing() {
        fixture.given(BY_SMS)
                .when(new IssueMessageCommand(ID, Purpose.SURVEY_INVITATION, 3, null, null, 3))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof CustomerMessageIssued m && m.followUp() == 3
                                && m.text().endsWith("(follow-up 3).")),
                        Matchers.andNoMore())));
        fixture.given(new RecipientRecorded(ID, null, null))
                .when(new IssueMessageCommand(ID, Purpose.SURVEY_INVITATION, 1, null, null, 1))
                .expectNoEvents();
    }

    @Test
    void templatesMissingAPurposeOrTheLanguageSentAreRefused() {
        assertThatThrownBy(() -> new MessageTemplates("fr", ZoneId.of("UTC"), Map.of("en",
                Map.of(Purpose.ACKNOWLEDGEMENT, "ok"))))
                .hasMessageContaining("customer-messages.language fr has no templates")
                .hasMessageContaining("customer-messages.templates.en.RESOLUTION_NOTE is missing")
                .hasMessageContaining("customer-messages.templates.en.SURVEY_INVITATION is missing");
        assertThat(TEMPLATES.language()).isEqualTo("en");
    }
}
