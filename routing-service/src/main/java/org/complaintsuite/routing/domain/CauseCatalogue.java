package org.complaintsuite.routing.domain;

import org.complaintsuite.events.Validity;
import org.complaintsuite.routing.domain.Resolution.Finding;
import org.complaintsuite.routing.domain.Resolution.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The cause codes a resolution is classified by (DOMAIN.md: classify and summarise causes, report to the
 * departments concerned) and the departments that can be responsible for a company fault. A substantiated
 * complaint names its cause code besides the free-text root cause; a company fault names the responsible
 * department, by default the one its cause code names. Analytics builds the Pareto of causes and the
 * departments that cause complaints from these.
 */
public record CauseCatalogue(List<String> responsibleDepartments, List<Cause> codes) {

    /** One cause: its code, what it means, and the department usually responsible (none: not the company's). */
    public record Cause(String code, String label, String department) {
    }

    /** No codes, no departments: nothing is asked for (a deployment that does not classify causes). */
    public static final CauseCatalogue NONE = new CauseCatalogue(List.of(), List.of());

    /** Fails with every problem at once. */
    public CauseCatalogue {
        responsibleDepartments = responsibleDepartments == null ? List.of() : List.copyOf(responsibleDepartments);
        codes = codes == null ? List.of() : List.copyOf(codes);
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            Cause cause = codes.get(i);
            String at = "causes.codes[" + i + "]" + (cause.code() == null ? "" : " (" + cause.code() + ")");
            if (cause.code() == null || cause.code().isBlank()) {
                problems.add(at + ": code is required");
            } else if (!seen.add(cause.code())) {
                problems.add(at + ": code is listed twice");
            }
            if (cause.department() != null && !responsibleDepartments.contains(cause.department())) {
                problems.add(at + ": department " + cause.department() + " is not one of the responsibleDepartments "
                        + responsibleDepartments);
            }
        }
        if (!codes.isEmpty() && responsibleDepartments.isEmpty()) {
            problems.add("causes.responsibleDepartments must name the departments a company fault can lie with");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid routing rules: " + String.join("; ", problems));
        }
    }

    public Optional<Cause> cause(String code) {
        return codes.stream().filter(c -> c.code().equalsIgnoreCase(code == null ? "" : code.trim())).findFirst();
    }

    /** What is wrong with a resolution's cause code and responsible department; empty when they fit. */
    public List<Problem> problems(Validity validity, Finding finding, String causeCode, String responsibleDepartment) {
        List<Problem> problems = new ArrayList<>();
        if (codes.isEmpty()) {
            return problems;
        }
        Optional<Cause> cause = cause(causeCode);
        if (blank(causeCode)) {
            if (validity == Validity.SUBSTANTIATED) {
                problems.add(new Problem("causeCode", "is required for a substantiated complaint: one of " + codeList()));
            }
        } else if (cause.isEmpty()) {
            problems.add(new Problem("causeCode", "must be one of " + codeList()));
        }
        if (finding == Finding.COMPANY_FAULT && validity != Validity.UNFOUNDED) { // an unfounded one is at fault already
            String department = blank(responsibleDepartment) ? cause.map(Cause::department).orElse(null)
                    : responsibleDepartment.trim();
            if (department == null) {
                problems.add(new Problem("responsibleDepartment", "is required for a company fault: one of "
                        + responsibleDepartments));
            } else if (!responsibleDepartments.contains(department)) {
                problems.add(new Problem("responsibleDepartment", "must be one of " + responsibleDepartments));
            }
        } else if (!blank(responsibleDepartment)) {
            problems.add(new Problem("responsibleDepartment", "only with finding company_fault"));
        }
        return problems;
    }

    /** The responsible department of a company fault: the one given, else its cause code's. */
    public String responsibleDepartment(Finding finding, String causeCode, String given) {
        if (finding != Finding.COMPANY_FAULT) {
            return null;
        }
        return !blank(given) ? given.trim() : cause(causeCode).map(Cause::department).orElse(null);
    }

    /** The code as the catalogue spells it. */
    public String canonical(String causeCode) {
        return blank(causeCode) ? null : cause(causeCode).map(Cause::code).orElse(causeCode.trim());
    }

    private List<String> codeList() {
        return codes.stream().map(Cause::code).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
