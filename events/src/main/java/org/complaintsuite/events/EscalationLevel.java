package org.complaintsuite.events;

/** The escalation ladder, lowest first. */
public enum EscalationLevel {
    AGENT, SUPERVISOR, MANAGER, LEADERSHIP, DISCIPLINE_UNIT;

    public boolean isTop() {
        return this == DISCIPLINE_UNIT;
    }

    public EscalationLevel next() {
        return isTop() ? this : values()[ordinal() + 1];
    }
}
