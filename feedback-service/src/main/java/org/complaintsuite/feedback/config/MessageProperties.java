package org.complaintsuite.feedback.config;

import org.complaintsuite.events.CustomerMessageIssued;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/** {@code customer-messages.yml} (or the file in {@code FEEDBACK_MESSAGE_TEMPLATES}), bound as typed data. */
@ConfigurationProperties("customer-messages")
public record MessageProperties(String language, Map<String, Map<CustomerMessageIssued.Purpose, String>> templates) {
}
