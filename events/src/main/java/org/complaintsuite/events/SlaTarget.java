package org.complaintsuite.events;

/** What an SLA clock measures. */
public enum SlaTarget { FIRST_RESPONSE, TRANSFER, ON_SITE_ARRIVAL, RESOLUTION, FOLLOW_UP }
