package org.complaintsuite.feedback.config;

import org.complaintsuite.feedback.domain.FollowUpPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class FeedbackConfiguration {
    @Bean
    FollowUpPolicy followUpPolicy(FollowUpProperties properties) {
        return new FollowUpPolicy(properties.workingDays(), properties.zone(), properties.holidays());
    }
}
