package org.complaintsuite.platform.consume;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a failure that passes (a database, store or broker out of reach, a connection reset, a timeout)
 * from one that would fail again on the same record. A listener retries the first kind for as long as it
 * lasts and never dead-letters a record for it; an HTTP request answers it 503 with {@code Retry-After}.
 * Classes are matched by name along the cause chain, so a service without JDBC or Axon on its class path
 * needs neither.
 */
public final class TransientFailures {

    private static final Set<String> TRANSIENT = Set.of(
            "java.io.IOException",
            "java.util.concurrent.TimeoutException",
            "java.sql.SQLTransientException",
            "java.sql.SQLRecoverableException",
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.dao.RecoverableDataAccessException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "org.springframework.jdbc.CannotGetJdbcConnectionException",
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoNotPrimaryException",
            "com.mongodb.MongoNodeIsRecoveringException",
            "org.apache.kafka.common.errors.RetriableException",
            "org.axonframework.common.AxonTransientException");

    /**
     * SQL states that name a condition of the connection or the server, not of the statement: 08 connection,
     * 53 resources, 57P operator intervention (shutdown), 40001 serialization failure, 40P01 deadlock.
     */
    private static final Set<String> TRANSIENT_SQL_STATE_PREFIXES = Set.of("08", "53", "57P", "40001", "40P01");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (transientClass(cause.getClass()) || transientSqlState(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientClass(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (TRANSIENT.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientSqlState(Throwable cause) {
        if (!(cause instanceof SQLException sql) || sql.getSQLState() == null) {
            return false;
        }
        return TRANSIENT_SQL_STATE_PREFIXES.stream().anyMatch(sql.getSQLState()::startsWith);
    }
}
