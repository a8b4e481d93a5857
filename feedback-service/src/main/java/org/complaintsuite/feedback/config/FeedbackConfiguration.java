package org.complaintsuite.feedback.config;

import org.complaintsuite.feedback.domain.FollowUpPlans;
import org.complaintsuite.feedback.domain.MessageTemplates;
import org.complaintsuite.feedback.domain.WorkingDays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
class FeedbackConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Templates missing a purpose, or no templates in the language sent, stop the start-up. */
    @Bean
    MessageTemplates messageTemplates(MessageProperties messages, FollowUpPlanProperties plans) {
        return new MessageTemplates(messages.language(), plans.zone(), messages.templates());
    }

    /** Invalid plans stop the service at start-up with every problem listed. */
    @Bean
    FollowUpPlans followUpPlans(FollowUpPlanProperties properties) {
        FollowUpPlanProperties.Attempts attempts = properties.attempts() != null ? properties.attempts()
                : new FollowUpPlanProperties.Attempts(1, null, null);
        return new FollowUpPlans(properties.plans(),
                new WorkingDays(properties.zone(), properties.holidays(), attempts.workingMorning()),
                properties.withinWorkingDays(), attempts.max(), attempts.retryAfter());
    }
}
