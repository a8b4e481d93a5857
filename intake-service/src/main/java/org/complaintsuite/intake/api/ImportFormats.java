package org.complaintsuite.intake.api;

import org.complaintsuite.platform.web.FieldProblem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads a bulk import into numbered submissions; a line that cannot be read carries its problems instead. */
final class ImportFormats {

    /** The CSV header names (any order, case-insensitive; unknown columns are an error). */
    static final List<String> CSV_COLUMNS = List.of("channel", "externalId", "kind", "category", "customerId",
            "customerName", "phone", "email", "subjectType", "subjectCode", "description", "demand", "priority",
            "receivedBy", "answer");

    record Line(int number, SubmitComplaintRequest request, List<FieldProblem> problems) {
    }

    private ImportFormats() {
    }

    /** One JSON object per line; blank lines are skipped but keep their number. */
    static List<Line> ndjson(String text) {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isBlank()) {
                continue;
            }
            try {
                lines.add(new Line(i + 1, SubmitComplaintRequest.parse(raw[i]), null));
            } catch (IllegalArgumentException e) {
                lines.add(unreadable(i + 1, "is " + e.getMessage()));
            }
        }
        return lines;
    }

    /** RFC 4180 CSV with a header row; line numbers count records after the header, starting at 2. */
    static List<Line> csv(String text) {
        List<List<String>> records = records(text);
        List<Line> lines = new ArrayList<>();
        if (records.isEmpty()) {
            return lines;
        }
        Map<String, Integer> column = new HashMap<>();
        List<FieldProblem> headerProblems = new ArrayList<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            String known = CSV_COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (known == null) {
                headerProblems.add(new FieldProblem("header", "unknown column " + name + "; known: " + CSV_COLUMNS));
            } else {
                column.put(known, i);
            }
        }
        if (!headerProblems.isEmpty()) {
            lines.add(new Line(1, null, headerProblems));
            return lines;
        }
        for (int r = 1; r < records.size(); r++) {
            List<String> values = records.get(r);
            if (values.size() == 1 && values.get(0).isBlank()) {
                continue;
            }
            if (values.size() != header.size()) {
                lines.add(unreadable(r + 1, "has " + values.size() + " fields, the header " + header.size()));
                continue;
            }
            Function<String, String> get = name -> {
                Integer i = column.get(name);
                return i == null || values.get(i).isEmpty() ? null : values.get(i);
            };
            SubmitComplaintRequest.SubjectPart subject = get.apply("subjectType") == null
                    && get.apply("subjectCode") == null ? null
                    : new SubmitComplaintRequest.SubjectPart(get.apply("subjectType"), get.apply("subjectCode"));
            lines.add(new Line(r + 1, new SubmitComplaintRequest(get.apply("channel"), get.apply("externalId"),
                    get.apply("kind"), get.apply("category"),
                    new SubmitComplaintRequest.CustomerPart(get.apply("customerId"), get.apply("customerName"),
                            get.apply("phone"), get.apply("email")),
                    subject, get.apply("description"), get.apply("demand"), get.apply("priority"),
                    get.apply("receivedBy"), get.apply("answer")), null));
        }
        return lines;
    }

    private static Line unreadable(int number, String reason) {
        return new Line(number, null, List.of(new FieldProblem("line", reason)));
    }

    /** Splits CSV text into records of fields: quotes allow commas, line breaks and doubled quotes inside. */
    static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
                any = false;
            } else {
                field.append(c);
            }
        }
        if (any) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }
}
