package org.complaintsuite.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Spring Authorization Server as the suite's OpenID Connect provider: the users and clients of the
 * {@link IdentityDirectory}, access tokens (JWT, RS256) that carry the audience, the subject's roles, name
 * and department, and one signing key kept in a file so tokens outlive a restart.
 */
@Configuration
class IdentityConfiguration {

    /** The claims the services read besides the standard ones. */
    static final String ROLES = "roles";
    static final String NAME = "name";
    static final String DEPARTMENT = "department";
    private static final String CLIENT_ROLES = "suite.roles";
    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final IdentityDirectory directory;

    /** An invalid directory stops the provider at start-up with every problem listed. */
    IdentityConfiguration(IdentityDirectory directory) {
        List<String> problems = directory.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the identity directory is invalid:\n  " + String.join("\n  ", problems));
        }
        this.directory = directory;
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain login(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(directory.users().stream()
                .map(user -> User.withUsername(user.username()).password(user.password())
                        .roles(user.roles().toArray(String[]::new)).build())
                .toList());
    }

    @Bean
    RegisteredClientRepository clients() {
        TokenSettings tokens = TokenSettings.builder()
                .accessTokenTimeToLive(Duration.ofMinutes(directory.accessTokenMinutes())).build();
        List<RegisteredClient> clients = directory.clients().stream().map(client -> {
            RegisteredClient.Builder builder = RegisteredClient.withId(UUID.nameUUIDFromBytes(client.id().getBytes()).toString())
                    .clientId(client.id()).tokenSettings(tokens);
            if (client.confidential()) {
                builder.clientSecret(client.secret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .clientSettings(ClientSettings.builder().setting(CLIENT_ROLES, client.roles()).build());
            } else {
                builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                        .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                        .clientSettings(ClientSettings.builder().requireProofKey(true)
                                .requireAuthorizationConsent(false).build());
                client.redirectUris().forEach(builder::redirectUri);
            }
            return builder.build();
        }).toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** Access and ID tokens name the audience, the roles (without Spring's prefix), the name and the department. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> suiteClaims() {
        Map<String, IdentityDirectory.User> users = directory.users().stream()
                .collect(Collectors.toMap(IdentityDirectory.User::username, Function.identity()));
        return context -> {
            boolean access = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            if (!access && !ID_TOKEN.equals(context.getTokenType())) {
                return;
            }
            if (access) {
                context.getClaims().audience(List.of(directory.audience()));
            }
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                List<String> roles = context.getRegisteredClient().getClientSettings().getSetting(CLIENT_ROLES);
                context.getClaims().claim(ROLES, roles).claim(NAME, context.getRegisteredClient().getClientId());
                return;
            }
            List<String> roles = context.getPrincipal().getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).toList();
            context.getClaims().claim(ROLES, roles);
            IdentityDirectory.User user = users.get(context.getPrincipal().getName());
            if (user != null) {
                context.getClaims().claim(NAME, user.name() == null ? user.username() : user.name());
                if (user.department() != null) {
                    context.getClaims().claim(DEPARTMENT, user.department());
                }
            }
        };
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (directory.issuer() != null && !directory.issuer().isBlank()) {
            settings.issuer(directory.issuer());
        }
        return settings.build();
    }

    /** The signing key: read from the key file, or made once and written there (a new one per start without a file). */
    @Bean
    JWKSource<SecurityContext> signingKey() throws Exception {
        RSAKey key;
        if (directory.signingKeyFile() == null || directory.signingKeyFile().isBlank()) {
            key = newKey();
        } else {
            Path file = Path.of(directory.signingKeyFile());
            key = Files.isRegularFile(file) ? read(file) : write(file, newKey());
        }
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    private static RSAKey newKey() throws com.nimbusds.jose.JOSEException {
        return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    }

    private static RSAKey read(Path file) throws IOException, ParseException {
        return RSAKey.parse(Files.readString(file));
    }

    private static RSAKey write(Path file, RSAKey key) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, key.toJSONString());
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // the private key: readable by the provider's user only
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        return key;
    }
}
