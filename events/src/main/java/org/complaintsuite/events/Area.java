package org.complaintsuite.events;

/** Where a field visit goes: in town, or in a rural area (DOMAIN.md §2.3: 48 h to arrive there). */
public enum Area { TOWN, RURAL }
