package org.complaintsuite.events;

/** Whether a complaint was found to be substantiated; an unfounded one is still answered with the findings. */
public enum Validity { SUBSTANTIATED, UNFOUNDED }
