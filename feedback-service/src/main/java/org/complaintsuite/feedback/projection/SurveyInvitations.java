package org.complaintsuite.feedback.projection;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.complaintsuite.events.CustomerMessageIssued.Purpose;
import org.complaintsuite.events.FollowUpScheduled;
import org.complaintsuite.feedback.domain.Commands.IssueMessageCommand;
import org.springframework.stereotype.Component;

/**
 * Invites the customer to the survey of each round's first follow-up as it is scheduled (the later ones
 * are calls: an agent's, or the gateway's on its own schedule). Once per follow-up: the customer's messages
 * ignore a repeat.
 */
@Component
@ProcessingGroup("survey-invitations")
class SurveyInvitations {

    private final CommandGateway commands;

    SurveyInvitations(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(FollowUpScheduled e) {
        if (e.step() == null || e.step() == 1) {
            commands.sendAndWait(new IssueMessageCommand(e.complaintId(), Purpose.SURVEY_INVITATION,
                    e.followUpNumber(), null, null, e.followUpNumber()));
        }
    }
}
