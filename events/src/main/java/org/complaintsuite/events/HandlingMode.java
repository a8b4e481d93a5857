package org.complaintsuite.events;

/** How a case is handled (DOMAIN.md §2.3). */
public enum HandlingMode { ON_THE_SPOT, TRANSFER, DESIGNATED, ANALYSIS }
