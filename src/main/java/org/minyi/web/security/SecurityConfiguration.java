package org.minyi.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.Base64;
import java.time.Clock;
import java.util.Set;
import org.minyi.MinYiSettings;
import org.minyi.web.AuditFilter;
import org.minyi.web.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may see what. Browsers log in with a form and keep a session (CSRF token in the {@code XSRF-TOKEN} cookie,
 * sent back by the pages' scripts as {@code X-XSRF-TOKEN}); programs such as {@code minyi import} send HTTP Basic
 * credentials with every request.
 *
 * <p>Pages and endpoints by role: admin everything; manager search, messages, export and dashboard; leader the
 * dashboard, search and (masked) messages and saved searches, no export; subscriber only their own subscriptions.
 * A user bound to regions reads only those ({@link Jurisdictions}). Health is public, other actuator endpoints
 * (Prometheus) are for admins.
 */
@Configuration
public class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    private static final String[] ALL_ROLES = {"ADMIN", "MANAGER", "LEADER", "SUBSCRIBER"};

    /**
     * BCrypt for stored passwords. Successful checks are remembered for a few minutes
     * ({@link CachingPasswordEncoder}) because HTTP Basic clients present the password on every request;
     * {@code minyi.security.password-cache=false} turns that off (benchmarks compare the two).
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${minyi.security.password-cache:true}") boolean cacheVerified) {
        PasswordEncoder bcrypt = new BCryptPasswordEncoder();
        return cacheVerified ? new CachingPasswordEncoder(bcrypt) : bcrypt;
    }

    /**
     * The user file under the data folder. On first start (no users) creates {@code admin} with a random password
     * printed once; {@code minyi.security.initial-admin-password} sets it instead (tests, scripted installs).
     */
    @Bean
    UserStore userStore(MinYiSettings settings, PasswordEncoder encoder,
                        @Value("${minyi.security.initial-admin-password:}") String initialPassword) {
        UserStore store = UserStore.open(settings.dataDir().resolve("users.json"), encoder);
        if (store.isEmpty()) {
            boolean random = initialPassword.isBlank();
            String password = random ? randomPassword() : initialPassword;
            store.put("admin", password, Set.of(Role.ADMIN));
            if (random) {
                String notice = "MinYi first start: created user 'admin' with password " + password
                        + " (shown only this once; change it with PUT /api/users/admin)";
                System.out.println(notice);
                LOG.warn(notice);
            }
        }
        return store;
    }

    /**
     * Failed logins per user and per address ({@code minyi.security.login.max-failures-per-user}, default 5,
     * {@code …-per-address}, default 30, within {@code …window}, default 10 minutes) before attempts are refused.
     */
    @Bean
    LoginThrottle loginThrottle(
            @Value("${minyi.security.login.max-failures-per-user:5}") int perUser,
            @Value("${minyi.security.login.max-failures-per-address:30}") int perAddress,
            @Value("${minyi.security.login.window:10m}") java.time.Duration window) {
        return new LoginThrottle(new LoginThrottle.Limits(perUser, perAddress, window), java.time.InstantSource.system());
    }

    @Bean
    LoginOutcomes loginOutcomes(LoginThrottle throttle) {
        return new LoginOutcomes(throttle);
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Lets the session registry hear of sessions that time out or log out, so it does not grow forever. */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    UserSessions userSessions(SessionRegistry registry, UserStore users) {
        UserSessions sessions = new UserSessions(registry);
        users.onChange(sessions::end);
        return sessions;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle, SessionRegistry registry,
                                            UserSessions sessions, AuditTrail audit) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/error", "/css/**", "/js/**", "/_static/**", "/favicon.ico", "/favicon.svg")
                .permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/**").hasRole("ADMIN")
                .requestMatchers("/api/users/**", "/api/imports/**", "/api/crawls/**", "/api/dictionary/**",
                        "/api/audit/**", "/api/index/**", "/admin.html").hasRole("ADMIN")
                .requestMatchers("/api/export", "/api/analyze", "/api/messages/*/corrections")
                .hasAnyRole("ADMIN", "MANAGER")
                // leaders follow a chart to its messages (masked like everywhere) and keep saved searches
                .requestMatchers("/api/search", "/api/messages/**", "/search.html", "/message.html",
                        "/api/saved-searches/**").hasAnyRole("ADMIN", "MANAGER", "LEADER")
                .requestMatchers("/api/trends", "/api/keywords", "/api/demands", "/api/hotspots", "/api/hotspots/*",
                        "/api/hotspots/*/messages",
                        "/hotspot.html", "/api/insight/**",
                        "/api/timeliness", "/api/status", "/dashboard.html").hasAnyRole("ADMIN", "MANAGER", "LEADER")
                .requestMatchers("/api/reports", "/report.html").hasAnyRole("ADMIN", "MANAGER", "LEADER")
                .requestMatchers("/api/demand-map", "/api/demand-map/**", "/demand-map.html")
                        .hasAnyRole("ADMIN", "MANAGER", "LEADER")
                .requestMatchers("/api/subscriptions/**", "/api/alerts/**", "/api/me", "/subscriptions.html", "/")
                .hasAnyRole(ALL_ROLES)
                .anyRequest().hasRole("ADMIN"))
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true)) // LoginPage draws it
            .addFilterBefore(new LoginAttempts(throttle), UsernamePasswordAuthenticationFilter.class)
            .sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(registry)
                    .expiredSessionStrategy(sessions))
            .httpBasic(Customizer.withDefaults())
            .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
            .csrf(csrf -> csrf.spa().ignoringRequestMatchers(programClient()))
            .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
            // after login, before access is decided: refused attempts are audited too
            .addFilterBefore(new AuditFilter(audit, Clock.systemUTC()), ExceptionTranslationFilter.class)
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                            + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'")))
            .exceptionHandling(errors -> errors
                .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), scriptCall())
                .defaultAuthenticationEntryPointFor(basicEntryPoint(), request ->
                        request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith("/actuator/")
                                || request.getRequestURI().startsWith("/v3/")));
        return http.build();
    }

    /**
     * A program sending Basic credentials needs no CSRF token: it is not a browser riding on a session cookie. A
     * browser that cached Basic credentials would send them along with a forged cross-site request too, but then
     * it also sends an {@code Origin} header, so those requests still need the token.
     */
    private static RequestMatcher programClient() {
        return (HttpServletRequest request) -> {
            String authorization = request.getHeader("Authorization");
            return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                    && request.getHeader("Origin") == null;
        };
    }

    /** The pages' scripts: a plain 401 (they go to the login page) rather than the browser's Basic dialog. */
    private static RequestMatcher scriptCall() {
        return request -> "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
    }

    private static BasicAuthenticationEntryPoint basicEntryPoint() {
        BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName("MinYi");
        return entryPoint;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
