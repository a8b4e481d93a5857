package org.complaintsuite.routing.domain;

public enum CaseState { OPEN, ESCALATED, RESOLVED, REOPENED, CLOSED }
