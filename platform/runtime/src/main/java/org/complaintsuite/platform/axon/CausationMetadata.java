package org.complaintsuite.platform.axon;

import org.axonframework.messaging.MetaData;
import org.complaintsuite.platform.envelope.InboundEvent;

import java.util.Map;

/**
 * Correlation and causation travel as Axon metadata from a consumed event to the command it causes and
 * on to the events that command produces (propagated by a correlation data provider).
 */
public final class CausationMetadata {

    public static final String CORRELATION_ID = "suiteCorrelationId";
    public static final String CAUSATION_ID = "suiteCausationId";

    private CausationMetadata() {
    }

    public static Map<String, String> causedBy(InboundEvent event) {
        return Map.of(
                CORRELATION_ID, event.correlationId() != null ? event.correlationId() : event.ceId(),
                CAUSATION_ID, event.ceId());
    }

    public static String correlationId(MetaData metaData, String fallback) {
        Object value = metaData.get(CORRELATION_ID);
        if (value == null) {
            value = metaData.get("traceId");
        }
        return value != null ? value.toString() : fallback;
    }

    public static String causationId(MetaData metaData) {
        Object value = metaData.get(CAUSATION_ID);
        return value != null ? value.toString() : null;
    }
}
