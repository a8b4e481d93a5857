package org.complaintsuite.feedback.api;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.EventJson;
import org.complaintsuite.events.EventSchemas;
import org.complaintsuite.feedback.domain.FollowUpRejected;
import org.complaintsuite.platform.envelope.PoisonRecordException;
import org.complaintsuite.platform.web.FieldProblem;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Survey gateways' calls (SMS, IVR) on {@code feedback.responses.v1}, a {@code FollowUpResponse} each: the
 * same checks and outcome as an agent's HTTP call, idempotent by (complaintId, followUp, attempt). A record
 * that can never pass — invalid, about an unknown complaint, or about a follow-up not waiting — goes to
 * {@code feedback.responses.v1.dlt} with its reason, and the partition keeps flowing.
 */
@Component
class ResponseListener {

    /** A gateway's record: the complaint it is about, the follow-up and attempt it answers, the call. */
    record SurveyResponse(String complaintId, Integer followUp, Integer attempt, String outcome,
                          Integer satisfaction, Boolean resolved, String comment, Integer nps, String by) {
    }

    private final CommandGateway commands;
    private final EventSchemas schemas = new EventSchemas();

    ResponseListener(CommandGateway commands) {
        this.commands = commands;
    }

    @KafkaListener(id = "feedback-responses", groupId = "feedback-service", topics = "feedback.responses.v1")
    void on(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null || record.value().length == 0) {
            throw new PoisonRecordException("not a FollowUpResponse: empty");
        }
        List<String> violations = schemas.responseViolations(record.value());
        if (!violations.isEmpty()) {
            throw new PoisonRecordException("not a valid FollowUpResponse: " + String.join("; ", violations));
        }
        SurveyResponse response;
        try {
            response = EventJson.mapper().readValue(record.value(), SurveyResponse.class);
        } catch (RuntimeException e) {
            throw new PoisonRecordException("not a valid FollowUpResponse: " + e.getMessage(), e);
        }
        CallAttempt call = new CallAttempt(response.followUp(), response.attempt(), response.outcome(),
                response.satisfaction(), response.resolved(), response.comment(), response.nps(), response.by());
        List<FieldProblem> problems = call.problems();
        if (!problems.isEmpty()) {
            throw new PoisonRecordException("rejected: " + FieldProblem.describe(problems));
        }
        try {
            commands.sendAndWait(call.toCommand(ComplaintId.of(response.complaintId())));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof FollowUpRejected || t instanceof IllegalArgumentException) {
                    throw new PoisonRecordException("rejected: " + t.getMessage(), e);
                }
                if (t instanceof AggregateNotFoundException) {
                    throw new PoisonRecordException("no follow-up for complaint " + response.complaintId(), e);
                }
            }
            throw e; // transient (a concurrent change, the store away): retried
        }
    }
}
