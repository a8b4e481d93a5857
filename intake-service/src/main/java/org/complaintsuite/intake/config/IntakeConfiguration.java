package org.complaintsuite.intake.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
class IntakeConfiguration {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
