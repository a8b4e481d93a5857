package org.complaintsuite.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.autoconfig.TransactionAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * Axon's event store and token store on PostgreSQL through plain JDBC ({@code bytea} payloads, a
 * {@code bigserial} global index), in the same Spring transactions as the inbox and the deadlines.
 * Declared here rather than left to Axon's auto-configuration, whose ordering names the Spring Boot 3
 * DataSource classes and can run before the DataSource exists. The tables are created when missing.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        before = {JdbcAutoConfiguration.class, TransactionAutoConfiguration.class, AxonAutoConfiguration.class})
@ConditionalOnClass({JdbcEventStorageEngine.class, DataSource.class})
@ConditionalOnBean(DataSource.class)
public class AxonJdbcConfiguration {

    /** PostgreSQL's SQLSTATE for a unique violation: a second event at the same aggregate sequence. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          ConnectionProvider connections, TransactionManager transactions,
                                          Configuration configuration) {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(new SQLStateResolver(UNIQUE_VIOLATION))
                .connectionProvider(connections)
                .transactionManager(transactions)
                .build();
        engine.createSchema(PostgresEventTableFactory.INSTANCE);
        return engine;
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer defaultSerializer) {
        JdbcTokenStore tokens = JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(defaultSerializer)
                .build();
        tokens.createSchema(PostgresTokenTableFactory.INSTANCE);
        return tokens;
    }
}
