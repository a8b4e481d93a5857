package org.complaintsuite.routing.projection;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.complaintsuite.events.ComplaintRouted;
import org.complaintsuite.routing.domain.AssignmentPolicy;
import org.complaintsuite.routing.domain.Commands.AssignCaseCommand;
import org.complaintsuite.routing.domain.RosterSource;
import org.springframework.stereotype.Component;

/**
 * Assigns each routed case as the {@link AssignmentPolicy} chooses, from the roster in force and the open
 * cases of the case view. Once per round: the aggregate ignores a repeat. Loads are read from the view, so
 * two cases routed at the same moment may go to the same agent.
 */
@Component
@ProcessingGroup("case-assignment")
class Assignment {

    private final RosterSource roster;
    private final CaseView view;
    private final CommandGateway commands;

    Assignment(RosterSource roster, CaseView view, CommandGateway commands) {
        this.roster = roster;
        this.view = view;
        this.commands = commands;
    }

    @EventHandler
    void on(ComplaintRouted e) {
        AssignmentPolicy.choose(e, roster.current(), view).ifPresent(choice -> commands.sendAndWait(
                new AssignCaseCommand(e.complaintId(), e.round(), choice.assignee(), choice.reason(), "routing")));
    }
}
