package org.complaintsuite.intake.domain;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.Customer;
import org.complaintsuite.events.LinkedComplaint;
import org.complaintsuite.events.LookupAnswer;
import org.complaintsuite.events.OnTheSpotAnswer;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.Subject;
import org.complaintsuite.intake.domain.RepeatDetection.EarlierComplaint;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a contact is registered, whatever the channel (DOMAIN.md §2.1): the customer normalised, the
 * contact classified, a consultation's on-the-spot answer checked, a query by code answered from the
 * lookup, the contact matched with the customer's earlier complaint about the same problem, and the
 * command that records it all built. The earlier complaints come through the {@link EarlierComplaints}
 * port (intake's view); the command is sent by the caller.
 */
public final class Registrar {

    /** The customer's earlier contacts, by their identity keys and the problem they were about. */
    public interface EarlierComplaints {
        /** The latest earlier contact about {@code problem} that opened a case of its own, other than {@code exclude}. */
        Optional<EarlierComplaint> latestAbout(List<String> customerKeys, ProblemKey problem, ComplaintId exclude);
    }

    /** A submission whose fields are well-formed: the named values read, the texts as given. */
    public record Submission(ComplaintId complaintId, Channel channel, String externalId, RequestKind kind,
                             Category category, Priority priority, Customer customer, Subject subject,
                             String description, String demand, String receivedBy, String answer) {
    }

    /** A submission that cannot be registered, and the field at fault. */
    public static final class Refused extends IllegalArgumentException {
        private final String field;

        Refused(String field, String reason) {
            super(reason);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final CustomerIdentity identity;
    private final Classifier classifier;
    private final CodeLookup lookup;
    private final RepeatDetection repeats;
    private final EarlierComplaints earlier;
    private final Clock clock;

    public Registrar(CustomerIdentity identity, Classifier classifier, CodeLookup lookup, RepeatDetection repeats,
                     EarlierComplaints earlier, Clock clock) {
        this.identity = identity;
        this.classifier = classifier;
        this.lookup = lookup;
        this.repeats = repeats;
        this.earlier = earlier;
        this.clock = clock;
    }

    /**
     * The rule of an answer given in the contact: only a consultation is answered on the spot. The reason it
     * is broken for {@code kind}, or null when it holds — for the kind the channel gave, before anything else
     * is looked at, and for the one the classifier found.
     */
    public static String answerProblem(RequestKind kind, boolean classified) {
        if (kind == null || kind == RequestKind.CONSULTATION) {
            return null;
        }
        return classified ? "only a consultation is answered on the spot; this reads as a " + kind
                + " (give kind CONSULTATION if it is one)" : "only a consultation is answered on the spot";
    }

    /** The command that registers the contact; fails with {@link Refused} naming the field at fault. */
    public RegisterComplaintCommand register(Submission s) {
        Customer customer = identity.normalise(s.customer());
        Classifier.Result classified = classifier.classify(s.kind(), s.category(), s.priority(),
                s.description() + (s.demand() == null ? "" : "\n" + s.demand()), customer);
        String answerProblem = s.answer() == null ? null : answerProblem(classified.kind(), s.kind() == null);
        if (answerProblem != null) {
            throw new Refused("answer", answerProblem);
        }
        OnTheSpotAnswer answered = s.answer() == null ? null
                : new OnTheSpotAnswer(s.answer().trim(), s.receivedBy().trim());
        // a query by code is answered at once; it is closed with its answer unless the answer calls for a case
        LookupAnswer automatic = classified.kind() == RequestKind.QUERY && s.subject() != null
                ? lookup.answer(s.subject()).orElse(null) : null;
        RequestKind caseKind = automatic != null && automatic.opensACase() ? automatic.opensKind() : classified.kind();
        Instant now = clock.instant();
        LinkedComplaint link = automatic != null && !automatic.opensACase()
                ? null // answered, no case: nothing to link it with
                : earlier.latestAbout(CustomerIdentity.keys(customer),
                        ProblemKey.of(caseKind, s.subject(), classified.category(), s.description()), s.complaintId())
                .map(found -> repeats.link(found, now)).orElse(null);
        return new RegisterComplaintCommand(s.complaintId(), s.channel(), trimmed(s.externalId()), classified.kind(),
                classified.category(), customer, s.subject(), s.description(), trimmed(s.demand()), now,
                classified.priority(), trimmed(s.receivedBy()), classified.classification(), classified.triggers(), link,
                answered, automatic);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
