package org.complaintsuite.platform.envelope;

/** A record that can never be processed as it is; it goes to the dead-letter topic with this reason. */
public class PoisonRecordException extends RuntimeException {
    public PoisonRecordException(String reason) {
        super(reason);
    }

    public PoisonRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
