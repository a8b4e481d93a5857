package org.complaintsuite.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code identity.yml} (or the file in {@code IDENTITY_DIRECTORY}) bound as typed data: the users who may
 * log in with their roles, and the OAuth2 clients. {@link #problems} lists everything wrong with it.
 */
@ConfigurationProperties("identity")
public record IdentityDirectory(String issuer, String signingKeyFile, String audience, int accessTokenMinutes,
                                List<User> users, List<Client> clients) {

    /** The roles the suite's services know. */
    public static final Set<String> ROLES = Set.of("CHANNEL", "AGENT", "SUPERVISOR", "MANAGER", "LEADERSHIP",
            "INTEGRATOR", "ADMIN");

    public IdentityDirectory {
        users = users == null ? List.of() : List.copyOf(users);
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /** A person: the subject of their tokens is the username (their roster id where they are on it). */
    public record User(String username, String name, String password, List<String> roles, String department) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /**
     * A client: with a secret, a system using the client-credentials grant with the roles given; without
     * one, a public client (a browser page or the command line) using the authorization code with PKCE.
     */
    public record Client(String id, String secret, List<String> roles, List<String> redirectUris) {
        public Client {
            roles = roles == null ? List.of() : List.copyOf(roles);
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        }

        public boolean confidential() {
            return secret != null && !secret.isBlank();
        }
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (audience == null || audience.isBlank()) {
            problems.add("identity.audience: is required");
        }
        if (accessTokenMinutes < 1) {
            problems.add("identity.access-token-minutes: must be at least 1");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            User user = users.get(i);
            String at = "identity.users[" + i + "]";
            uniqueName(problems, at + ".username", user.username(), names, "user");
            if (user.password() == null || !user.password().startsWith("{")) {
                problems.add(at + ".password: is required, with its encoding ({noop}..., {bcrypt}...)");
            }
            roleProblems(problems, at, user.roles());
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < clients.size(); i++) {
            Client client = clients.get(i);
            String at = "identity.clients[" + i + "]";
            uniqueName(problems, at + ".id", client.id(), ids, "client");
            if (client.confidential()) {
                if (!client.secret().startsWith("{")) {
                    problems.add(at + ".secret: needs its encoding ({noop}..., {bcrypt}...)");
                }
                roleProblems(problems, at, client.roles());
            } else if (client.redirectUris().isEmpty()) {
                problems.add(at + ".redirect-uris: a public client (no secret) needs at least one");
            } else if (!client.roles().isEmpty()) {
                problems.add(at + ".roles: a public client acts for the user who logs in; roles are the user's");
            }
        }
        return problems;
    }

    private static void uniqueName(List<String> problems, String at, String name, Set<String> seen, String what) {
        if (name == null || name.isBlank()) {
            problems.add(at + ": is required");
        } else if (!seen.add(name)) {
            problems.add(at + ": " + name + " is used by an earlier " + what);
        }
    }

    private static void roleProblems(List<String> problems, String at, List<String> roles) {
        if (roles.isEmpty()) {
            problems.add(at + ".roles: at least one of " + new java.util.TreeSet<>(ROLES));
        }
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                problems.add(at + ".roles: " + role + " is not one of " + new java.util.TreeSet<>(ROLES));
            }
        }
    }
}
