package org.complaintsuite.feedback.domain;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.RequestKind;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a resolution is followed up, as data: the first plan (in file order) whose kinds and categories
 * match the complaint sets its steps — the working days after the resolution by which each follow-up
 * is due, all within {@code withinWorkingDays} — and every follow-up is called up to {@code maxAttempts}
 * times, retried by {@code retryAfter} (the last entry repeats) when nobody answers. Consultations and
 * queries are closed with their resolution and never reach a plan.
 */
public final class FollowUpPlans {

    /** Retry "the next working morning" instead of after a fixed time. */
    public static final String NEXT_WORKING_MORNING = "NEXT_WORKING_MORNING";

    /** One plan: which complaints it is for (an empty set matches any) and the working day of each step. */
    public record Plan(String id, Set<RequestKind> kinds, Set<Category> categories, List<Integer> steps) {

        public Plan {
            kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
            categories = categories == null ? Set.of() : Set.copyOf(categories);
            steps = steps == null ? List.of() : List.copyOf(steps);
        }

        boolean matches(RequestKind kind, Category category) {
            return (kinds.isEmpty() || kinds.contains(kind)) && (categories.isEmpty() || categories.contains(category));
        }
    }

    private final List<Plan> plans;
    private final WorkingDays calendar;
    private final int withinWorkingDays;
    private final int maxAttempts;
    private final List<String> retryAfter;

    /** Fails with every problem of the plans at once. */
    public FollowUpPlans(List<Plan> plans, WorkingDays calendar, int withinWorkingDays, int maxAttempts,
                         List<String> retryAfter) {
        List<String> problems = new ArrayList<>();
        if (withinWorkingDays < 1) {
            problems.add("within-working-days must be at least 1");
        }
        if (maxAttempts < 1) {
            problems.add("attempts.max must be at least 1");
        }
        List<String> retries = retryAfter == null ? List.of() : List.copyOf(retryAfter);
        if (maxAttempts > 1 && retries.isEmpty()) {
            problems.add("attempts.retry-after must name at least one delay when attempts.max is over 1");
        }
        for (int i = 0; i < retries.size(); i++) {
            String retry = retries.get(i);
            if (!NEXT_WORKING_MORNING.equals(retry)) {
                try {
                    if (Duration.parse(retry).compareTo(Duration.ZERO) <= 0) {
                        problems.add("attempts.retry-after[" + i + "]: must be positive, not " + retry);
                    }
                } catch (DateTimeParseException | NullPointerException e) {
                    problems.add("attempts.retry-after[" + i + "]: an ISO-8601 duration (PT2H) or "
                            + NEXT_WORKING_MORNING + ", not " + retry);
                }
            }
        }
        List<Plan> given = plans == null ? List.of() : plans;
        if (given.isEmpty()) {
            problems.add("no follow-up plans");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Plan plan = given.get(i);
            String at = "plans[" + i + "]" + (plan.id() == null ? "" : " (" + plan.id() + ")");
            if (plan.id() == null || plan.id().isBlank()) {
                problems.add(at + ": id is required");
            } else if (!ids.add(plan.id())) {
                problems.add(at + ": id is used by an earlier plan");
            }
            for (RequestKind kind : plan.kinds()) {
                if (!kind.isTracked()) {
                    problems.add(at + ": a " + kind + " is closed with its resolution and never followed up");
                }
            }
            if (plan.steps().isEmpty()) {
                problems.add(at + ": steps must name at least one working day");
            }
            for (int s = 0; s < plan.steps().size(); s++) {
                Integer day = plan.steps().get(s);
                if (day == null || day < 1 || day > withinWorkingDays) {
                    problems.add(at + ": steps[" + s + "] must be a working day from 1 to " + withinWorkingDays
                            + " (every follow-up is within " + withinWorkingDays + " working days), not " + day);
                } else if (s > 0 && plan.steps().get(s - 1) != null && day <= plan.steps().get(s - 1)) {
                    problems.add(at + ": steps must be in increasing order");
                }
            }
        }
        if (!given.isEmpty() && !(given.getLast().kinds().isEmpty() && given.getLast().categories().isEmpty())) {
            problems.add("the last plan must match every complaint (no kinds, no categories)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid follow-up plans: " + String.join("; ", problems));
        }
        this.plans = List.copyOf(given);
        this.calendar = calendar;
        this.withinWorkingDays = withinWorkingDays;
        this.maxAttempts = maxAttempts;
        this.retryAfter = retries;
    }

    public Plan planFor(RequestKind kind, Category category) {
        return plans.stream().filter(p -> p.matches(kind, category)).findFirst().orElseThrow();
    }

    /** When each step of {@code plan} is due after a resolution at {@code resolvedAt}. */
    public List<Instant> dueTimes(Plan plan, Instant resolvedAt) {
        return plan.steps().stream().map(day -> calendar.endOfWorkingDay(resolvedAt, day)).toList();
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** When to call again after {@code failedAttempts} unanswered calls, the last at {@code at}. */
    public Instant nextAttempt(int failedAttempts, Instant at) {
        String retry = retryAfter.get(Math.min(failedAttempts, retryAfter.size()) - 1);
        return NEXT_WORKING_MORNING.equals(retry) ? calendar.nextWorkingMorning(at) : at.plus(Duration.parse(retry));
    }

    public List<Plan> plans() {
        return plans;
    }

    public int withinWorkingDays() {
        return withinWorkingDays;
    }
}
