package org.complaintsuite.feedback.domain;

import org.complaintsuite.events.CustomerMessageIssued.Purpose;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The texts of the messages to customers, per language and purpose, with placeholders: {@code {reference}}
 * (the complaint's short reference), {@code {promisedBy}} (the promised resolution time, local), {@code
 * {note}} (the resolution note) and {@code {followUp}}. Every language has a text for every purpose; the
 * deployment's language is the one used.
 */
public final class MessageTemplates {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final String language;
    private final ZoneId zone;
    private final Map<String, Map<Purpose, String>> texts;

    /** Fails with every problem at once. */
    public MessageTemplates(String language, ZoneId zone, Map<String, Map<Purpose, String>> texts) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<Purpose, String>> given = texts == null ? Map.of() : texts;
        if (!given.containsKey(language)) {
            problems.add("customer-messages.language " + language + " has no templates; there are " + given.keySet());
        }
        given.forEach((lang, byPurpose) -> {
            for (Purpose purpose : Purpose.values()) {
                String text = byPurpose == null ? null : byPurpose.get(purpose);
                if (text == null || text.isBlank()) {
                    problems.add("customer-messages.templates." + lang + "." + purpose + " is missing");
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid customer message templates: " + String.join("; ", problems));
        }
        this.language = language;
        this.zone = zone;
        this.texts = Map.copyOf(given.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> (Map<Purpose, String>) new EnumMap<>(e.getValue()))));
    }

    public String language() {
        return language;
    }

    /** The text of a message; {@code promisedBy}, {@code note} and {@code followUp} where the purpose has one. */
    public String render(Purpose purpose, String complaintId, Instant promisedBy, String note, Integer followUp) {
        return texts.get(language).get(purpose)
                .replace("{reference}", reference(complaintId))
                .replace("{promisedBy}", promisedBy == null ? "" : LOCAL.format(promisedBy.atZone(zone)))
                .replace("{note}", note == null ? "" : note)
                .replace("{followUp}", followUp == null ? "" : String.valueOf(followUp));
    }

    /** The short reference a customer quotes: the complaint id's first eight characters, upper case. */
    static String reference(String complaintId) {
        return complaintId.substring(0, Math.min(8, complaintId.length())).toUpperCase(java.util.Locale.ROOT);
    }
}
