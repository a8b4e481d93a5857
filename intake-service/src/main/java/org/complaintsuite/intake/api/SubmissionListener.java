package org.complaintsuite.intake.api;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.complaintsuite.platform.envelope.PoisonRecordException;
import org.complaintsuite.platform.web.FieldProblem;
import org.complaintsuite.platform.web.InvalidRequestException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import org.complaintsuite.platform.web.FieldProblem;

/**
 * Submissions from channel gateways (SMS, e-mail, IVR, partners) on {@code intake.submissions.v1}: the same
 * validation and outcome as HTTP. The offset is committed only after the complaint is durably stored; a
 * record that can never pass goes to {@code intake.submissions.v1.dlt} with its reason, and the
 * partition keeps flowing.
 */
@Component
class SubmissionListener {

    private final Intake intake;

    SubmissionListener(Intake intake) {
        this.intake = intake;
    }

    @KafkaListener(id = "intake-submissions", groupId = "intake-service", topics = "intake.submissions.v1")
    void on(ConsumerRecord<String, byte[]> record) {
        SubmitComplaintRequest request;
        try {
            request = SubmitComplaintRequest.parse(record.value());
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException(e.getMessage(), e);
        }
        try {
            intake.submit(request, null, Intake.Source.KAFKA).block();
        } catch (InvalidRequestException e) {
            throw new PoisonRecordException("rejected: " + FieldProblem.describe(e.problems()), e);
        }
    }
}
