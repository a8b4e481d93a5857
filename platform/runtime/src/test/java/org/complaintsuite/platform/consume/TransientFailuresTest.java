package org.complaintsuite.platform.consume;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.complaintsuite.platform.envelope.PoisonRecordException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** A valid record is never dead-lettered because a store or the broker was away, however long for. */
class TransientFailuresTest {

    @Test
    void storesAndBrokersOutOfReachAreTransientWhereverTheyAreInTheCauseChain() {
        assertThat(TransientFailures.isTransient(new ListenerExecutionFailedException("listener failed",
                new RuntimeException(new ConnectException("Connection refused"))))).isTrue();
        assertThat(TransientFailures.isTransient(new MongoSocketReadException("reset", new ServerAddress()))).isTrue();
        assertThat(TransientFailures.isTransient(new QueryTimeoutException("slow"))).isTrue();
        assertThat(TransientFailures.isTransient(new NotLeaderOrFollowerException("moving"))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(
                new SQLException("the database system is shutting down", "57P03")))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(
                new SQLException("connection to server was lost", "08006")))).isTrue();
    }

    @Test
    void badRecordsAndStatementsThatWouldFailAgainAreNot() {
        assertThat(TransientFailures.isTransient(new PoisonRecordException("no such field"))).isFalse();
        assertThat(TransientFailures.isTransient(new RuntimeException(
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
    }

    @Test
    void aTransientFailureIsRetriedPastAnyTimeLimitAndAnyOtherGivesUpAfterThirtySeconds() {
        assertThat(totalWaitMillis(KafkaPlatformConfiguration.backOffFor(
                new RuntimeException(new ConnectException("refused"))), 1_000))
                .as("an hour-long outage is still waited out").isGreaterThan(3_600_000L);
        assertThat(totalWaitMillis(KafkaPlatformConfiguration.backOffFor(new RuntimeException("conflict")), 1_000))
                .isLessThanOrEqualTo(35_000L);
    }

    private static long totalWaitMillis(BackOff backOff, int attempts) {
        BackOffExecution execution = backOff.start();
        long total = 0;
        for (int i = 0; i < attempts; i++) {
            long next = execution.nextBackOff();
            if (next == BackOffExecution.STOP) {
                break;
            }
            total += next;
        }
        return total;
    }
}
