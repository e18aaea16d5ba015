package org.minyi.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.web.RunningService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Security section of the API tests, part one: every endpoint the service maps, found at run time, called as every
 * role and anonymously. {@link #POLICY} is the specification of who may call what; an endpoint it does not name
 * fails the test, so a new endpoint cannot go out without someone deciding who may call it.
 *
 * <p>A role the policy leaves out must get 403 (anonymous 401, or 403 for a change without a CSRF token; pages a
 * redirect to the login); a role it lets in must get neither, and no 5xx, even with the empty or placeholder input
 * sent here.
 */
class EndpointAccessTest extends RunningService {

    private enum Who { ANONYMOUS, ADMIN, MANAGER, LEADER, SUBSCRIBER }

    private static final Set<Who> ADMIN = EnumSet.of(Who.ADMIN);
    private static final Set<Who> READERS = EnumSet.of(Who.ADMIN, Who.MANAGER);
    private static final Set<Who> DASHBOARD = EnumSet.of(Who.ADMIN, Who.MANAGER, Who.LEADER);
    private static final Set<Who> EVERY_ROLE = EnumSet.of(Who.ADMIN, Who.MANAGER, Who.LEADER, Who.SUBSCRIBER);
    private static final Set<Who> PUBLIC = EnumSet.allOf(Who.class);

    /** Path prefixes (longest match wins) and who may call them: the roles of README's "Security" section. */
    private static final Map<String, Set<Who>> POLICY = new LinkedHashMap<>();

    static {
        POLICY.put("/api/users", ADMIN);
        POLICY.put("/api/imports", ADMIN);
        POLICY.put("/api/crawls", ADMIN);
        POLICY.put("/api/dictionary", ADMIN);
        POLICY.put("/admin.html", ADMIN);
        POLICY.put("/actuator/prometheus", ADMIN);
        POLICY.put("/actuator/info", ADMIN);
        POLICY.put("/v3", ADMIN);
        POLICY.put("/api/audit", ADMIN);
        POLICY.put("/api/index", ADMIN);
        POLICY.put("/api/search", DASHBOARD);
        POLICY.put("/api/messages", DASHBOARD);
        POLICY.put("/api/messages/no-such-id/corrections", READERS);
        POLICY.put("/api/saved-searches", DASHBOARD);
        POLICY.put("/api/export", READERS);
        POLICY.put("/api/analyze", READERS);
        POLICY.put("/search.html", DASHBOARD);
        POLICY.put("/message.html", DASHBOARD);
        POLICY.put("/api/trends", DASHBOARD);
        POLICY.put("/api/keywords", DASHBOARD);
        POLICY.put("/api/demands", DASHBOARD);
        POLICY.put("/api/hotspots", DASHBOARD);
        POLICY.put("/hotspot.html", DASHBOARD);
        POLICY.put("/api/insight", DASHBOARD);
        POLICY.put("/api/timeliness", DASHBOARD);
        POLICY.put("/api/status", DASHBOARD);
        POLICY.put("/dashboard.html", DASHBOARD);
        POLICY.put("/api/reports", DASHBOARD);
        POLICY.put("/report.html", DASHBOARD);
        POLICY.put("/api/demand-map", DASHBOARD);
        POLICY.put("/demand-map.html", DASHBOARD);
        POLICY.put("/api/subscriptions", EVERY_ROLE);
        POLICY.put("/api/alerts", EVERY_ROLE);
        POLICY.put("/api/me", EVERY_ROLE);
        POLICY.put("/subscriptions.html", EVERY_ROLE);
        POLICY.put("/", EVERY_ROLE);
        POLICY.put("/actuator/health", PUBLIC);
        POLICY.put("/login", PUBLIC);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeEach
    void fixture() throws Exception {
        importFixture();
    }

    @Test
    void everyEndpointAnswersEveryRoleAsThePolicySays() throws Exception {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Endpoint endpoint : endpoints()) {
            Set<Who> allowed = policyOf(endpoint.path());
            assertThat(allowed).as("%s has no access rule in EndpointAccessTest.POLICY: decide who may call it",
                    endpoint).isNotNull();
            for (Who who : Who.values()) {
                HttpResponse<String> response = send(endpoint, who);
                calls++;
                String problem = verdict(endpoint, who, allowed.contains(who), response);
                if (problem != null) {
                    wrong.add(problem);
                }
            }
        }
        assertThat(wrong).as("%d calls", calls).isEmpty();
        assertThat(calls).isGreaterThan(150);
    }

    /** Every mapped API endpoint, the static pages and the actuator and API-docs endpoints. */
    private List<Endpoint> endpoints() throws Exception {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/error") || pattern.startsWith("/swagger-ui")) {
                    continue; // Spring's own error and documentation pages
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(new Endpoint(method.name(), fill(pattern)));
                }
            }
        }
        try (Stream<Path> pages = Files.list(Path.of("src/main/resources/static"))) {
            pages.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".html"))
                    .forEach(name -> endpoints.add(new Endpoint("GET", "/" + name)));
        }
        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/info", "/v3/api-docs")) {
            endpoints.add(new Endpoint("GET", path));
        }
        Set<String> seen = new TreeSet<>();
        return endpoints.stream().filter(e -> seen.add(e.method() + " " + e.path())).toList();
    }

    private record Endpoint(String method, String path) {
        boolean isPage() {
            return !path.startsWith("/api/") && !path.startsWith("/actuator/") && !path.startsWith("/v3/");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Path variables become harmless values: nobody, nothing, a message that exists. */
    private static String fill(String pattern) {
        return pattern.replace("{id}", "no-such-id").replace("{name}", "no-such-user")
                .replace("{source}", "no-such-source").replaceAll("\\{[^}]+}", "no-such-thing");
    }

    private static Set<Who> policyOf(String path) {
        String best = null;
        for (String prefix : POLICY.keySet()) {
            boolean matches = prefix.equals("/") ? path.equals("/") : path.equals(prefix)
                    || path.startsWith(prefix + "/") || path.startsWith(prefix + "?");
            if (matches && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? null : POLICY.get(best);
    }

    private HttpResponse<String> send(Endpoint endpoint, Who who) throws Exception {
        HttpRequest.Builder request = switch (who) {
            case ANONYMOUS -> HttpRequest.newBuilder(uri(endpoint.path()));
            case ADMIN -> asAdmin(endpoint.path());
            default -> as(who.name().toLowerCase(java.util.Locale.ROOT), USER_PASSWORD, endpoint.path());
        };
        if (endpoint.isPage()) {
            request.header("Accept", "text/html");
        }
        HttpRequest.BodyPublisher body = endpoint.method().equals("GET") || endpoint.method().equals("DELETE")
                ? HttpRequest.BodyPublishers.noBody() : jsonBody("{}");
        return send(request.header("Content-Type", "application/json").method(endpoint.method(), body));
    }

    private static String verdict(Endpoint endpoint, Who who, boolean allowed, HttpResponse<String> response) {
        int status = response.statusCode();
        String location = response.headers().firstValue("Location").orElse("");
        String seen = endpoint + " as " + who + " → " + status + " " + location;
        if (status >= 500) {
            return seen + " (server error: " + response.body() + ")";
        }
        if (allowed) {
            return status == 401 || status == 403 || location.endsWith("/login") ? seen + " (should be let in)" : null;
        }
        if (who == Who.ANONYMOUS) {
            // a change without a session's CSRF token is refused (403) before anyone asks who is calling
            boolean refused = endpoint.isPage() ? status == 302 && location.endsWith("/login")
                    : status == 401 || status == 403 && !endpoint.method().equals("GET");
            return refused ? null : seen + " (should ask to log in)";
        }
        return status == 403 ? null : seen + " (should be 403)";
    }
}
