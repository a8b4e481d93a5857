package org.complaintsuite.intake.domain;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.LookupAnswer;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.Subject;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lookups of the rules file: each answers queries about subjects of its types from a table of codes,
 * each code with a verdict (and a detail, e.g. the product and batch); a code not in the table gets the
 * {@code unknownVerdict}. A verdict says the answer given to the channel ({@code {code}} and {@code {detail}}
 * filled in) and, when it calls for work, the kind and category of the case it opens. Subject types and
 * codes are compared without case, width or spacing.
 */
public final class LookupTable implements CodeLookup {

    /** What a verdict answers and, when {@code opensKind} is set, the case it opens. */
    public record Verdict(String answer, RequestKind opensKind, Category opensCategory) {
    }

    /** One code of the table. */
    public record Code(String code, String verdict, String detail) {
    }

    /** One lookup: its id, the subject types it answers, its verdicts and its codes. */
    public record Lookup(String id, List<String> subjectTypes, Map<String, Verdict> verdicts, String unknownVerdict,
                         List<Code> codes) {

        public Lookup {
            subjectTypes = subjectTypes == null ? List.of() : List.copyOf(subjectTypes);
            verdicts = verdicts == null ? Map.of() : Map.copyOf(verdicts);
            codes = codes == null ? List.of() : List.copyOf(codes);
        }
    }

    private final Map<String, Lookup> byType = new HashMap<>();
    private final Map<String, Map<String, Code>> codes = new HashMap<>();

    /** Fails with every problem of the lookups at once. */
    public LookupTable(List<Lookup> lookups) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < (lookups == null ? 0 : lookups.size()); i++) {
            Lookup lookup = lookups.get(i);
            String at = "query-lookups[" + i + "]" + (lookup.id() == null ? "" : " (" + lookup.id() + ")");
            if (lookup.id() == null || lookup.id().isBlank()) {
                problems.add(at + ": id is required");
            } else if (!ids.add(lookup.id())) {
                problems.add(at + ": id is used by an earlier lookup");
            }
            if (lookup.subjectTypes().isEmpty()) {
                problems.add(at + ": subject-types must name at least one subject type");
            }
            for (String type : lookup.subjectTypes()) {
                if (byType.putIfAbsent(fold(type), lookup) != null) {
                    problems.add(at + ": subject type " + type + " is answered by an earlier lookup");
                }
            }
            lookup.verdicts().forEach((name, verdict) -> {
                if (verdict == null || verdict.answer() == null || verdict.answer().isBlank()) {
                    problems.add(at + ": verdict " + name + " needs an answer");
                } else if (verdict.opensKind() == RequestKind.CONSULTATION) {
                    problems.add(at + ": verdict " + name + " cannot open a consultation");
                } else if (verdict.opensCategory() != null && verdict.opensKind() == null) {
                    problems.add(at + ": verdict " + name + " gives a category but no kind of case to open");
                }
            });
            if (lookup.unknownVerdict() == null || !lookup.verdicts().containsKey(lookup.unknownVerdict())) {
                problems.add(at + ": unknown-verdict must name one of its verdicts " + lookup.verdicts().keySet());
            }
            Map<String, Code> table = new HashMap<>();
            for (int c = 0; c < lookup.codes().size(); c++) {
                Code code = lookup.codes().get(c);
                if (code.code() == null || code.code().isBlank()) {
                    problems.add(at + ": codes[" + c + "] has no code");
                } else if (!lookup.verdicts().containsKey(code.verdict())) {
                    problems.add(at + ": codes[" + c + "] (" + code.code() + ") has verdict " + code.verdict()
                            + ", not one of " + lookup.verdicts().keySet());
                } else if (table.put(fold(code.code()), code) != null) {
                    problems.add(at + ": codes[" + c + "] (" + code.code() + ") is listed twice");
                }
            }
            codes.put(lookup.id(), table);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid query lookups: " + String.join("; ", problems));
        }
    }

    @Override
    public Optional<LookupAnswer> answer(Subject subject) {
        Lookup lookup = subject == null ? null : byType.get(fold(subject.type()));
        if (lookup == null) {
            return Optional.empty();
        }
        Code code = codes.get(lookup.id()).get(fold(subject.code()));
        String verdictName = code != null ? code.verdict() : lookup.unknownVerdict();
        Verdict verdict = lookup.verdicts().get(verdictName);
        String answer = verdict.answer().replace("{code}", subject.code().trim())
                .replace("{detail}", code == null || code.detail() == null ? "" : code.detail());
        return Optional.of(new LookupAnswer(lookup.id(), verdictName, answer, verdict.opensKind(),
                verdict.opensCategory()));
    }

    private static String fold(String value) {
        return value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT)
                .replaceAll("\\s+", "");
    }
}
