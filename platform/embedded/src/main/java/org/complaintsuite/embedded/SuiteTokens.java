package org.complaintsuite.embedded;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gets access tokens from an OpenID Connect provider by the standard OAuth2 flows, as a developer's
 * command line or a test would: for a person, the authorization code with PKCE (the provider's login form
 * filled in with their username and password, as a browser would); for a system, client credentials.
 * {@code ./suite token <user>} prints one.
 */
public final class SuiteTokens {

    /** The public client the local provider registers for the command line, and its redirect URI. */
    public static final String CLI_CLIENT = "suite-cli";
    public static final String CLI_REDIRECT = "http://127.0.0.1/suite-token";
    /** The password of every user seeded in the local provider's {@code identity.yml}. */
    public static final String SEEDED_PASSWORD = "suite";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI issuer;

    public SuiteTokens(String issuer) {
        this.issuer = URI.create(issuer.endsWith("/") ? issuer : issuer + "/");
    }

    /** A person's access token: logs in on the provider's form and exchanges the code with its PKCE verifier. */
    public String forUser(String username, String password) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String verifier = randomUrlSafe(32);
        String state = randomUrlSafe(16);
        String authorize = issuer.resolve("oauth2/authorize") + "?" + form(Map.of("response_type", "code",
                "client_id", CLI_CLIENT, "redirect_uri", CLI_REDIRECT, "scope", "openid profile", "state", state,
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        send(browser, get(authorize)); // the provider keeps the request in the session and asks for a login
        URI login = issuer.resolve("login");
        String page = send(browser, get(login.toString())).body();
        Matcher csrf = CSRF.matcher(page);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("password", password);
        if (csrf.find()) {
            fields.put("_csrf", csrf.group(1));
        }
        HttpResponse<String> answer = send(browser, HttpRequest.newBuilder(login).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
        String next = answer.headers().firstValue("Location").orElse("");
        if (next.contains("error")) {
            throw new IllegalArgumentException("the provider refused the login of " + username + " (wrong username or password)");
        }
        for (int hops = 0; hops < 5 && !next.startsWith(CLI_REDIRECT); hops++) {
            HttpResponse<String> hop = send(browser, get(issuer.resolve(next).toString()));
            next = hop.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                    "the provider did not redirect back with a code (is the client " + CLI_CLIENT
                            + " registered without consent?); last answer " + hop.statusCode()));
        }
        Map<String, String> callback = query(URI.create(next).getRawQuery());
        if (!state.equals(callback.get("state")) || callback.get("code") == null) {
            throw new IllegalStateException("the provider answered the authorization without a code: " + next);
        }
        return token(browser, Map.of("grant_type", "authorization_code", "code", callback.get("code"),
                "redirect_uri", CLI_REDIRECT, "client_id", CLI_CLIENT, "code_verifier", verifier), null);
    }

    /** A system's access token by the client-credentials grant. */
    public String forClient(String clientId, String secret) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return token(client, Map.of("grant_type", "client_credentials"), "Basic " + basic);
    }

    private String token(HttpClient client, Map<String, String> fields, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(issuer.resolve("oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> answer = send(client, request);
        Matcher token = TOKEN.matcher(answer.body());
        if (answer.statusCode() != 200 || !token.find()) {
            throw new IllegalArgumentException("the provider issued no token: " + answer.statusCode() + " " + answer.body());
        }
        return token.group(1);
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the identity provider is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> out.append(out.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ./suite token <user> [password]} or {@code ./suite token --client <id> <secret>}: prints an access token. */
    public static void main(String[] args) {
        String issuer = System.getenv().getOrDefault("OIDC_ISSUER_URI", "http://127.0.0.1:"
                + System.getenv().getOrDefault("IDENTITY_PORT", "8080"));
        if (args.length == 0) {
            System.err.println("usage: ./suite token <user> [password]   (seeded users' password: " + SEEDED_PASSWORD + ")");
            System.err.println("       ./suite token --client <client-id> <secret>");
            System.exit(2);
        }
        try {
            SuiteTokens tokens = new SuiteTokens(issuer);
            System.out.println("--client".equals(args[0]) && args.length == 3 ? tokens.forClient(args[1], args[2])
                    : tokens.forUser(args[0], args.length > 1 ? args[1] : SEEDED_PASSWORD));
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
