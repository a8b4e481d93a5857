package org.complaintsuite.identity;

import org.complaintsuite.embedded.SuiteTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The local provider as the services and the command line use it: OIDC discovery, a person's token by the
 * authorization code with PKCE, a gateway's by client credentials, each verified against the provider's
 * published keys with the claims the services read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityProviderTest {

    @Value("${local.server.port}")
    int port;

    private String issuer() {
        return "http://127.0.0.1:" + port;
    }

    private JwtDecoder decoder() {
        return JwtDecoders.fromIssuerLocation(issuer());
    }

    @Test
    void aSeededPersonLogsInAndGetsATokenNamingTheirRolesAndDepartment() {
        String token = new SuiteTokens(issuer()).forUser("q-supervisor", SuiteTokens.SEEDED_PASSWORD);

        Jwt jwt = decoder().decode(token);
        assertThat(jwt.getSubject()).isEqualTo("q-supervisor");
        assertThat(jwt.getIssuer().toString()).isEqualTo(issuer());
        assertThat(jwt.getAudience()).containsExactly("complaint-suite");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("SUPERVISOR");
        assertThat(jwt.getClaimAsString("name")).isEqualTo("Quality supervisor");
        assertThat(jwt.getClaimAsString("department")).isEqualTo("quality");
        assertThat(jwt.getExpiresAt()).isAfter(jwt.getIssuedAt().plusSeconds(59 * 60));
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        assertThatThrownBy(() -> new SuiteTokens(issuer()).forUser("q-agent-1", "guess"))
                .hasMessageContaining("refused the login of q-agent-1");
    }

    @Test
    void aChannelGatewayGetsATokenByClientCredentialsWithTheChannelRole() {
        Jwt jwt = decoder().decode(new SuiteTokens(issuer()).forClient("gateway-web", "gateway-web-secret"));

        assertThat(jwt.getSubject()).isEqualTo("gateway-web");
        assertThat(jwt.getAudience()).containsExactly("complaint-suite");
        assertThat(jwt.getClaimAsStringList("roles")).isEqualTo(List.of("CHANNEL"));
    }

    @Test
    void aWrongClientSecretGetsNoToken() {
        assertThatThrownBy(() -> new SuiteTokens(issuer()).forClient("gateway-web", "guess"))
                .hasMessageContaining("issued no token: 401");
    }

    @Test
    void healthIsOpenAndTheRestOfTheActuatorIsNot() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(issuer() + "/actuator/health/readiness"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> env = http.send(HttpRequest.newBuilder(URI.create(issuer() + "/actuator/env"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(env.statusCode()).isNotEqualTo(200);
    }

    @Test
    void theShippedDirectoryIsValidAndAnInvalidOneListsEveryProblem() {
        IdentityDirectory broken = new IdentityDirectory(null, null, "", 0,
                List.of(new IdentityDirectory.User("a", "A", "plain", List.of("BOSS"), null),
                        new IdentityDirectory.User("a", "A", "{noop}x", List.of("AGENT"), null)),
                List.of(new IdentityDirectory.Client("web", null, List.of("CHANNEL"), List.of("http://127.0.0.1/x")),
                        new IdentityDirectory.Client("gw", "{noop}s", List.of(), List.of())));

        assertThat(broken.problems()).containsExactly(
                "identity.audience: is required",
                "identity.access-token-minutes: must be at least 1",
                "identity.users[0].password: is required, with its encoding ({noop}..., {bcrypt}...)",
                "identity.users[0].roles: BOSS is not one of [ADMIN, AGENT, CHANNEL, INTEGRATOR, LEADERSHIP, MANAGER, SUPERVISOR]",
                "identity.users[1].username: a is used by an earlier user",
                "identity.clients[0].roles: a public client acts for the user who logs in; roles are the user's",
                "identity.clients[1].roles: at least one of [ADMIN, AGENT, CHANNEL, INTEGRATOR, LEADERSHIP, MANAGER, SUPERVISOR]");
    }
}
