package org.complaintsuite.events;

/** How urgently a complaint is handled; SLA policies and escalation rules can depend on it. */
public enum Priority { LOW, NORMAL, HIGH, URGENT }
