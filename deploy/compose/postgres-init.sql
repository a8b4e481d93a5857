-- one database per event-sourced service (event store, tokens, inbox, deadlines)
CREATE DATABASE intake;
CREATE DATABASE routing;
CREATE DATABASE sla;
CREATE DATABASE feedback;
