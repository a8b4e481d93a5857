package org.complaintsuite.intake.domain;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.Classification;
import org.complaintsuite.events.Customer;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.PriorityTrigger;
import org.complaintsuite.events.RequestKind;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The transparent, rule-based classifier. Kind and category given by the channel are kept; what is
 * missing comes from the first classification rule with a phrase in the description (Chinese or English,
 * without case or width differences; an English phrase must start a word), else the complaint is of
 * category OTHER. Every trigger rule that matches raises the priority and is recorded with the phrase
 * or account it matched.
 */
public final class Classifier {

    public record Result(RequestKind kind, Category category, Priority priority, Classification classification,
                         List<PriorityTrigger> triggers) {
    }

    private final List<ClassificationRule> rules;
    private final List<TriggerRule> triggers;

    private Classifier(List<ClassificationRule> rules, List<TriggerRule> triggers) {
        this.rules = List.copyOf(rules);
        this.triggers = List.copyOf(triggers);
    }

    /** Checks every rule and reports all problems at once. */
    public static Classifier of(List<ClassificationRule> rules, List<TriggerRule> triggers) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<ClassificationRule> classification = rules == null ? List.of() : rules;
        List<TriggerRule> raising = triggers == null ? List.of() : triggers;
        for (int i = 0; i < classification.size(); i++) {
            ClassificationRule r = classification.get(i);
            String at = "rules[" + i + "]" + (r.id() == null ? "" : " (" + r.id() + ")");
            checkId(problems, ids, at, r.id());
            if (blankPhrases(r.phrases())) {
                problems.add(at + ": needs at least one phrase, none blank");
            }
            if (r.kind() == null || r.category() == null) {
                problems.add(at + ": needs a kind and a category");
            }
        }
        for (int i = 0; i < raising.size(); i++) {
            TriggerRule t = raising.get(i);
            String at = "triggers[" + i + "]" + (t.id() == null ? "" : " (" + t.id() + ")");
            checkId(problems, ids, at, t.id());
            if (t.trigger() == null || t.raiseTo() == null) {
                problems.add(at + ": needs a trigger (VIP, MAJOR_ACCOUNT, SAFETY_INCIDENT, MEDIA_OR_LEGAL_THREAT) and raiseTo");
            }
            if (empty(t.phrases()) && empty(t.customerIds()) && empty(t.emailDomains())) {
                problems.add(at + ": needs phrases, customerIds or emailDomains");
            } else if (!empty(t.phrases()) && blankPhrases(t.phrases())) {
                problems.add(at + ": has a blank phrase");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid classification rules: " + String.join("; ", problems));
        }
        return new Classifier(classification, raising);
    }

    private static void checkId(List<String> problems, Set<String> ids, String at, String id) {
        if (id == null || id.isBlank()) {
            problems.add(at + ": needs an id");
        } else if (!ids.add(id)) {
            problems.add(at + ": id " + id + " is used twice");
        }
    }

    private static boolean empty(List<String> values) {
        return values == null || values.isEmpty();
    }

    private static boolean blankPhrases(List<String> phrases) {
        return empty(phrases) || phrases.stream().anyMatch(p -> p == null || p.isBlank());
    }

    /**
     * Classifies a complaint from what the channel gave ({@code null} where it gave nothing), its text
     * (description and demand) and its normalised customer.
     */
    public Result classify(RequestKind kind, Category category, Priority priority, String text, Customer customer) {
        String folded = fold(text == null ? "" : text);
        Classification classification;
        RequestKind finalKind = kind;
        Category finalCategory = category;
        if (kind != null && category != null) {
            classification = Classification.fromChannel();
        } else {
            ClassificationRule rule = null;
            String matched = null;
            for (ClassificationRule r : rules) {
                matched = firstPhraseIn(folded, r.phrases());
                if (matched != null) {
                    rule = r;
                    break;
                }
            }
            if (rule != null) {
                finalKind = kind != null ? kind : rule.kind();
                finalCategory = category != null ? category : rule.category();
                classification = new Classification(Classification.Source.RULE, rule.id(), matched);
            } else {
                finalKind = kind != null ? kind : RequestKind.COMPLAINT;
                finalCategory = category != null ? category : Category.OTHER;
                classification = new Classification(Classification.Source.DEFAULT, null, null);
            }
        }
        Priority finalPriority = priority != null ? priority : Priority.NORMAL;
        List<PriorityTrigger> raised = new ArrayList<>();
        for (TriggerRule t : triggers) {
            String matched = triggerMatch(t, folded, customer);
            if (matched != null) {
                raised.add(new PriorityTrigger(t.trigger(), t.id(), matched));
                if (t.raiseTo().compareTo(finalPriority) > 0) {
                    finalPriority = t.raiseTo();
                }
            }
        }
        return new Result(finalKind, finalCategory, finalPriority, classification, raised);
    }

    private static String triggerMatch(TriggerRule t, String folded, Customer customer) {
        String phrase = empty(t.phrases()) ? null : firstPhraseIn(folded, t.phrases());
        if (phrase != null) {
            return phrase;
        }
        if (customer != null && customer.id() != null && !empty(t.customerIds())
                && t.customerIds().contains(customer.id())) {
            return "customer " + customer.id();
        }
        if (customer != null && customer.email() != null && !empty(t.emailDomains())) {
            String domain = customer.email().substring(customer.email().indexOf('@') + 1);
            for (String d : t.emailDomains()) {
                if (domain.equalsIgnoreCase(d.trim())) {
                    return "e-mail domain " + domain;
                }
            }
        }
        return null;
    }

    /** The first phrase found in the folded text, as written in the rule; null when none is. */
    private static String firstPhraseIn(String folded, List<String> phrases) {
        for (String phrase : phrases) {
            String p = fold(phrase);
            int from = 0;
            for (int at = folded.indexOf(p, from); at >= 0; at = folded.indexOf(p, from)) {
                boolean latin = Character.isLetter(p.charAt(0)) && p.charAt(0) < 0x250;
                if (!latin || at == 0 || !Character.isLetterOrDigit(folded.charAt(at - 1))) {
                    return phrase;
                }
                from = at + 1;
            }
        }
        return null;
    }

    /** Case, width and spacing differences do not count. */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
