package org.complaintsuite.intake.config;

import org.complaintsuite.intake.domain.ClassificationRule;
import org.complaintsuite.intake.domain.Classifier;
import org.complaintsuite.intake.domain.CustomerIdentity;
import org.complaintsuite.intake.domain.RepeatDetection;
import org.complaintsuite.intake.domain.TriggerRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

@Configuration
@EnableConfigurationProperties(IntakeConfiguration.ClassificationProperties.class)
class IntakeConfiguration {

    /** {@code classification-rules.yml} (or the file in {@code INTAKE_CLASSIFICATION_RULES}), bound as typed data. */
    @ConfigurationProperties("intake.classification")
    record ClassificationProperties(List<ClassificationRule> rules, List<TriggerRule> triggers) {
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** An invalid rules file stops the start-up with every problem named. */
    @Bean
    Classifier classifier(ClassificationProperties properties) {
        return Classifier.of(properties.rules(), properties.triggers());
    }

    @Bean
    CustomerIdentity customerIdentity(@Value("${intake.phone-region}") String region) {
        return new CustomerIdentity(region);
    }

    @Bean
    RepeatDetection repeatDetection(@Value("${intake.repeat-window}") Duration window) {
        return new RepeatDetection(window);
    }
}
