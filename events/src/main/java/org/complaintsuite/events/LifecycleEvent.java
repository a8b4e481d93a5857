package org.complaintsuite.events;

/** Every published event concerns exactly one complaint, which is its Kafka key and {@code ce_subject}. */
public interface LifecycleEvent {
    ComplaintId complaintId();
}
