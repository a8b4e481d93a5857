package org.complaintsuite.platform.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.TimeUnit;

/** The reactive MongoDB client for projections and query views. */
@AutoConfiguration
@EnableConfigurationProperties(MongoProperties.class)
public class MongoConfiguration {

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoProperties properties) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(properties.uri()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .build());
    }

    /** For services without an event store; event-sourced services get the transactional JDBC inbox. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass("org.axonframework.commandhandling.gateway.CommandGateway")
    org.complaintsuite.platform.consume.Inbox mongoInbox(io.micrometer.core.instrument.MeterRegistry meters) {
        return new MongoInbox(meters);
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.database());
    }
}
