package org.complaintsuite.routing.projection;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.EscalationLevel;
import org.complaintsuite.platform.mongo.Documents;
import org.complaintsuite.platform.mongo.OnceOnly;
import org.complaintsuite.routing.domain.Roster;
import org.complaintsuite.routing.domain.RosterSource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The roster in force, kept in the routing database so that every instance and every restart sees what
 * supervisors changed through the API. The first instance to start copies the rules file's roster in;
 * after that the file's roster is only checked. Every change is recorded (who, what, when, before and
 * after). Each instance reads it again at most every {@value #FRESH_SECONDS} s, at once after its own
 * changes.
 */
@Component
public class RosterBook implements RosterSource {

    static final int FRESH_SECONDS = 2;
    private static final String SEEDED = "__seeded__";

    private final MongoCollection<Document> agents;
    private final MongoCollection<Document> changes;
    private final Clock clock;
    private volatile Roster cached;
    private volatile Instant readAt = Instant.EPOCH;

    public RosterBook(MongoDatabase mongo, Roster shippedRoster, Clock clock) {
        this.agents = mongo.getCollection("roster");
        this.changes = mongo.getCollection("rosterChanges");
        this.clock = clock;
        seed(shippedRoster);
    }

    private void seed(Roster shipped) {
        boolean first = Mono.from(agents.insertOne(new Document("_id", SEEDED).append("at", clock.instant().toString())))
                .map(r -> true)
                .onErrorResume(OnceOnly::isDuplicateKey, e -> Mono.just(false))
                .blockOptional().orElse(false);
        if (first) {
            shipped.departments().forEach((department, list) -> list.forEach(agent ->
                    Mono.from(agents.replaceOne(Filters.eq("_id", agent.id()), document(department, agent),
                            new ReplaceOptions().upsert(true))).block()));
        }
    }

    @Override
    public Roster current() {
        Roster roster = cached;
        if (roster == null || Duration.between(readAt, clock.instant()).getSeconds() >= FRESH_SECONDS) {
            roster = read().block();
            cached = roster;
            readAt = clock.instant();
        }
        return roster;
    }

    private Mono<Roster> read() {
        return Flux.from(agents.find(Filters.exists("department")))
                .collectSortedList(Comparator.comparing((Document d) -> d.getString("department"))
                        .thenComparing(d -> d.getString("_id")))
                .map(documents -> {
                    Map<String, List<Roster.Agent>> departments = new LinkedHashMap<>();
                    for (Document d : documents) {
                        departments.computeIfAbsent(d.getString("department"), k -> new ArrayList<>()).add(agent(d));
                    }
                    return new Roster(departments);
                });
    }

    /** A person on the roster: department, role on the ladder, skills and whom they report to. */
    public record RosterAgent(@JsonAlias("_id") String id, String department, EscalationLevel role,
                              List<Category> skills, String supervisor) {
    }

    /** Every department and its agents. */
    public record Departments(Map<String, List<RosterAgent>> departments) {
    }

    /** One change to the roster on the record: who made it, when, and the agent before and after. */
    public record RosterChange(String agent, What what, String by, Instant at, RosterAgent before,
                               RosterAgent after) {

        public enum What { ADDED, CHANGED, REMOVED }
    }

    /** The changes made to the roster, newest first. */
    public record RosterChanges(List<RosterChange> changes) {
    }

    /** The agent as now on the roster, with its department. */
    public Optional<RosterAgent> find(String agentId) {
        return Optional.ofNullable(Mono.from(agents.find(Filters.and(Filters.eq("_id", agentId),
                Filters.exists("department"))).first()).block()).map(RosterBook::view);
    }

    /** Every department and its agents. */
    public Departments view() {
        Map<String, List<RosterAgent>> departments = new LinkedHashMap<>();
        read().block().departments().forEach((department, list) -> departments.put(department,
                list.stream().map(a -> view(document(department, a))).toList()));
        return new Departments(departments);
    }

    /** Puts the agent on the roster (or changes its department, skills or supervisor), on the record. */
    public RosterAgent put(String department, Roster.Agent agent, String by) {
        Document after = document(department, agent);
        Document before = Mono.from(agents.find(Filters.eq("_id", agent.id())).first()).block();
        Mono.from(agents.replaceOne(Filters.eq("_id", agent.id()), after, new ReplaceOptions().upsert(true))).block();
        record(agent.id(), before == null ? RosterChange.What.ADDED : RosterChange.What.CHANGED, by, before, after);
        return view(after);
    }

    /** Takes the agent off the roster, on the record; false when the agent was not on it. */
    public boolean remove(String agentId, String by) {
        Document before = Mono.from(agents.findOneAndDelete(Filters.and(Filters.eq("_id", agentId),
                Filters.exists("department")))).block();
        if (before == null) {
            return false;
        }
        record(agentId, RosterChange.What.REMOVED, by, before, null);
        return true;
    }

    /** The changes made to the roster, newest first. */
    public RosterChanges history(int limit) {
        return new RosterChanges(Flux.from(changes.find().sort(new Document("at", -1)).limit(limit))
                .map(d -> Documents.read(d, RosterChange.class))
                .collectList().block());
    }

    private void record(String agentId, RosterChange.What what, String by, Document before, Document after) {
        Mono.from(changes.insertOne(new Document("agent", agentId).append("what", what.name()).append("by", by)
                .append("at", clock.instant().toString()).append("before", before).append("after", after))).block();
        cached = null; // this instance sees its own change at once
    }

    private static Document document(String department, Roster.Agent agent) {
        return new Document("_id", agent.id()).append("department", department)
                .append("skills", agent.skills().stream().map(Enum::name).sorted().toList())
                .append("supervisor", agent.supervisor()).append("role", agent.role().name());
    }

    private static Roster.Agent agent(Document d) {
        Set<Category> skills = new TreeSet<>();
        for (Object skill : d.getList("skills", Object.class, List.of())) {
            skills.add(Category.valueOf(String.valueOf(skill)));
        }
        String role = d.getString("role"); // absent on people stored before roles: agents
        return new Roster.Agent(d.getString("_id"), skills, d.getString("supervisor"),
                role == null ? EscalationLevel.AGENT : EscalationLevel.valueOf(role));
    }

    private static RosterAgent view(Document d) {
        return Documents.read(d, RosterAgent.class);
    }
}
