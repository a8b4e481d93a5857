package org.complaintsuite.intake.api;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.intake.domain.CustomerIdentity;
import org.complaintsuite.intake.domain.Registrar;
import org.complaintsuite.platform.web.FieldChecks;
import org.complaintsuite.platform.web.FieldProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a submission field by field and reports every problem at once; the same for every channel. */
final class SubmissionValidator {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private final CustomerIdentity identity;

    SubmissionValidator(CustomerIdentity identity) {
        this.identity = identity;
    }

    /**
     * Every problem of a submission, and the named values it gave as read (null where it gave none, or
     * one that is not allowed).
     */
    record Checked(List<FieldProblem> problems, Channel channel, RequestKind kind, Category category,
                   Priority priority) {
    }

    /** {@code externalIdRequired}: on Kafka the channel's reference is the only retry key there is. */
    Checked check(SubmitComplaintRequest r, boolean externalIdRequired) {
        List<FieldProblem> problems = new ArrayList<>();
        Channel channel = FieldChecks.oneOf(problems, "channel", r.channel(), Channel.class, true, null);
        // kind and category may be left to the classifier
        RequestKind kind = FieldChecks.oneOf(problems, "kind", r.kind(), RequestKind.class, false, null);
        Category category = FieldChecks.oneOf(problems, "category", r.category(), Category.class, false, null);
        Priority priority = FieldChecks.oneOf(problems, "priority", r.priority(), Priority.class, false, null);
        if (externalIdRequired) {
            FieldChecks.required(problems, "externalId", r.externalId(), 120);
        } else {
            FieldChecks.maxLength(problems, "externalId", r.externalId(), 120);
        }
        FieldChecks.required(problems, "description", r.description(), 8000);
        FieldChecks.maxLength(problems, "demand", r.demand(), 2000);
        FieldChecks.maxLength(problems, "receivedBy", r.receivedBy(), 200);
        if (r.customer() == null) {
            problems.add(new FieldProblem("customer", "is required"));
        } else {
            var c = r.customer();
            FieldChecks.maxLength(problems, "customer.id", c.id(), 64);
            FieldChecks.maxLength(problems, "customer.name", c.name(), 200);
            if (FieldChecks.blank(c.id()) && FieldChecks.blank(c.phone()) && FieldChecks.blank(c.email())) {
                problems.add(new FieldProblem("customer", "needs at least one of id, phone or email"));
            }
            if (!FieldChecks.blank(c.phone()) && identity.e164(c.phone()).isEmpty()) {
                problems.add(new FieldProblem("customer.phone", "is not a valid phone number"
                        + " (give the country code, e.g. +86 138 0013 8000, for numbers outside the default region)"));
            }
            if (!FieldChecks.blank(c.email()) && (c.email().length() > 254 || !EMAIL.matcher(c.email().trim()).matches())) {
                problems.add(new FieldProblem("customer.email", "is not an e-mail address"));
            }
        }
        if (r.answer() != null) {
            FieldChecks.required(problems, "answer", r.answer(), 4000);
            if (FieldChecks.blank(r.receivedBy())) {
                problems.add(new FieldProblem("receivedBy", "is required with an answer: the agent who answered"));
            }
            String answerProblem = Registrar.answerProblem(kind, false);
            if (answerProblem != null) {
                problems.add(new FieldProblem("answer", answerProblem));
            }
        }
        if (r.subject() != null) {
            FieldChecks.required(problems, "subject.type", r.subject().type(), 40);
            FieldChecks.required(problems, "subject.code", r.subject().code(), 120);
        }
        return new Checked(problems, channel, kind, category, priority);
    }
}
