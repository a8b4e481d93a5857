package org.complaintsuite.platform.axon;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.complaintsuite.platform.consume.Inbox;
import org.complaintsuite.platform.relay.KafkaEventRelay;
import org.complaintsuite.platform.relay.RelayBacklog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** Wiring shared by the event-sourced services: serializer, correlation, relay, transactional inbox. */
@AutoConfiguration
@ConditionalOnClass(CommandGateway.class)
public class AxonPlatformConfiguration {

    /** Polymorphic types (tracking tokens, deadline payloads) only from Axon and the suite itself. */
    @Bean
    Jackson3SerializerCustomizer suiteSerializerCustomizer() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("org.complaintsuite.")
                .allowIfSubType("java.util.")
                .allowIfSubType("java.time.")
                .build());
    }

    @Bean
    CorrelationDataProvider suiteCausationProvider() {
        return new SimpleCorrelationDataProvider(CausationMetadata.CORRELATION_ID, CausationMetadata.CAUSATION_ID);
    }

    @Bean
    KafkaEventRelay kafkaEventRelay(KafkaTemplate<String, byte[]> kafka,
                                    @Value("${spring.application.name}") String serviceName,
                                    MeterRegistry meters) {
        return new KafkaEventRelay(kafka, serviceName, meters);
    }

    @Bean
    RelayBacklog relayBacklog(ObjectProvider<Configuration> axon, MeterRegistry meters) {
        return new RelayBacklog(axon, meters);
    }

    @Bean
    EventReactions eventReactions(Inbox inbox, CommandGateway commands) {
        return new EventReactions(inbox, commands);
    }

    @Bean
    AcceptedCommands acceptedCommands(CommandGateway commands) {
        return new AcceptedCommands(commands);
    }

    @Bean
    Inbox transactionalInbox(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                             @Value("${spring.application.name}") String serviceName, MeterRegistry meters) {
        return new JdbcInbox(jdbc, transactions, serviceName, meters);
    }
}
