package org.minyi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;
import org.minyi.InvalidInput;
import org.minyi.MinYiSettings;
import org.minyi.alert.AlertEngine;
import org.minyi.alert.HistoryRow;
import org.minyi.alert.Rule;
import org.minyi.alert.SubscriberLimits;
import org.minyi.access.Jurisdiction;
import org.minyi.delivery.WeeklyReportDelivery;
import org.minyi.delivery.WeeklySchedule;
import org.minyi.savedsearch.SavedSearches;
import org.minyi.web.security.Jurisdictions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscription rules and the alerts they produced. Admins and managers see and change every rule; other users
 * (subscribers, leaders) only their own: the rule's subscriber is their user name. A rule matches only what the
 * user who saved it may read, and history rows show content only to those who may read it. Secrets and robot tokens
 * are write-only. Request bodies are read up to {@value #MAX_BODY_BYTES} bytes.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "alerts", description = "Subscriptions (alert rules) and alert history")
class AlertController {

    /** A rule at its caps (100 keywords of 40 characters, 200 regions …) fits with room to spare. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final AlertEngine alerts;
    private final RoleReadScopes scopes;
    private final Jurisdictions jurisdictions;
    private final SavedSearches savedSearches;
    private final RoleReportReaders reportReaders;
    private final WeeklySchedule weeklySchedule;
    private final ZoneId zone;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The body was larger than {@link #MAX_BODY_BYTES}. */
    static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge() {
            super("请求体超过 " + MAX_BODY_BYTES / 1024 + " KB：一条订阅最多 " + Rule.MAX_KEYWORDS + " 个关键词、"
                    + Rule.MAX_REGIONS + " 个地区", null, false, false);
        }
    }

    /**
     * What the caller's own subscriptions may do: their limits, what their rules can reach, and when weekly reports
     * go out ({@code weeklyReportAt}, in Chinese) if the caller may ask for them ({@code weeklyReport}).
     */
    record Limits(int maxPerWindow, long windowMinutes, long freshnessHours, int maxRulesPerSubscriber, String reach,
                  boolean weeklyReport, String weeklyReportAt) {
    }

    AlertController(AlertEngine alerts, RoleReadScopes scopes, Jurisdictions jurisdictions, MinYiSettings settings,
                    SavedSearches savedSearches, RoleReportReaders reportReaders, WeeklyReportDelivery weeklyReports) {
        this.alerts = alerts;
        this.reportReaders = reportReaders;
        this.weeklySchedule = weeklyReports.schedule();
        this.savedSearches = savedSearches;
        this.scopes = scopes;
        this.jurisdictions = jurisdictions;
        this.zone = settings.zone();
    }

    @GetMapping("/subscriptions")
    @Operation(summary = "All subscription rules the caller may see (secrets are never returned)")
    List<SubscriptionView> rules(Authentication caller) {
        return alerts.rules().stream().filter(rule -> mayManage(caller, rule)).map(this::view).toList();
    }

    @GetMapping("/subscriptions/{id}")
    SubscriptionView rule(@PathVariable String id, Authentication caller) {
        return alerts.rule(id).filter(rule -> mayManage(caller, rule)).map(this::view)
                .orElseThrow(() -> new NoSuchElementException("没有编号为 " + id + " 的订阅"));
    }

    @PutMapping("/subscriptions/{id}")
    @Operation(summary = "Create or replace a rule",
            description = "Topics, regions, keywords, sentiment threshold (maxSentiment), heat threshold (minHeat: "
                    + "the rule then watches hotspots), quiet hours {start, end: HH:mm} and a destination (webhook, "
                    + "wecom, dingtalk, email), and optionally savedSearch: the id of a saved search (专题) a message must "
                    + "also meet; weeklyReport: true also sends the weekly report (周报) of the rule's region and topic "
                    + "(at most one of each) every week, to callers who may read briefings. Leave destination.secret "
                    + "out to keep the saved one. The destination "
                    + "must be a public address unless an admin allowed it in minyi.alert.internal-receivers.")
    SubscriptionView putRule(@PathVariable String id, HttpServletRequest request, Authentication caller)
            throws IOException {
        SubscriptionRequest body = read(request);
        if (!id.equals(body.id())) {
            throw new IllegalArgumentException("请求中的订阅编号 '" + body.id() + "' 与路径中的 '" + id + "' 不一致");
        }
        Rule earlier = alerts.rule(id).orElse(null);
        Rule rule = body.toRule(earlier, caller.getName(), zone);
        if (rule.savedSearch() != null) { // refused unless the caller may see it (404 or 403 as on its own page)
            savedSearches.get(rule.savedSearch(), SavedSearchController.viewer(caller));
        }
        if (!mayManage(caller, rule) || (earlier != null && !mayManage(caller, earlier))) {
            throw new AccessDeniedException("user " + caller.getName() + " may only keep subscriptions of their own, "
                    + "with subscriber '" + caller.getName() + "'");
        }
        if (rule.weeklyReport() && reportReaders.of(rule).isEmpty()) {
            throw new InvalidInput("subscription.weekly_report.forbidden",
                    "你的账号无权阅读简报，不能订阅周报：周报只发给管理员、业务人员和领导账号",
                    "Your account may not read briefings, so it cannot ask for the weekly report");
        }
        return view(alerts.putRule(withinJurisdiction(rule, jurisdictions.of(caller))));
    }

    @DeleteMapping("/subscriptions/{id}")
    ResponseEntity<Void> removeRule(@PathVariable String id, Authentication caller) {
        if (alerts.rule(id).filter(rule -> mayManage(caller, rule)).isEmpty() || !alerts.removeRule(id)) {
            throw new NoSuchElementException("没有编号为 " + id + " 的订阅");
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/subscriptions/{id}/test")
    @Operation(summary = "Send a test alert through the rule's channel now (at most once per rule every 10 s)")
    ResponseEntity<?> test(@PathVariable String id, Authentication caller) {
        alerts.rule(id).filter(rule -> mayManage(caller, rule))
                .orElseThrow(() -> new NoSuchElementException("没有编号为 " + id + " 的订阅"));
        try {
            return ResponseEntity.ok(alerts.sendTest(id));
        } catch (IllegalStateException tooSoon) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .body(new ApiError(HttpStatus.TOO_MANY_REQUESTS.value(), tooSoon.getMessage()));
        }
    }

    @GetMapping("/alerts")
    @Operation(summary = "Alert history, newest first, one row per alert with its states (queued, held, sent, "
            + "failed, digested) and their times; content only where the caller may read it")
    List<HistoryRow> history(@RequestParam(required = false) String subscriber,
                             @RequestParam(defaultValue = "100") int limit, Authentication caller) {
        if (!seesEverything(caller) || jurisdictions.of(caller).restricted()) {
            subscriber = caller.getName();
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1..1000, was " + limit);
        }
        return alerts.history(subscriber, limit, scopes.of(caller.getName()));
    }

    @GetMapping("/alerts/limits")
    @Operation(summary = "The caller's alert limits and what their rules can reach")
    Limits limits(Authentication caller) {
        SubscriberLimits limits = alerts.settings().limitsOf(caller.getName());
        boolean mayReport = reportReaders.mayRead(caller.getName());
        return new Limits(limits.maxPerWindow(), limits.window().toMinutes(), limits.freshness().toHours(),
                alerts.settings().maxRulesPerSubscriber(), scopes.of(caller.getName()).reach(), mayReport,
                weeklySchedule.chinese());
    }

    @ExceptionHandler(BodyTooLarge.class)
    ResponseEntity<ApiError> tooLarge(BodyTooLarge e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(new ApiError(HttpStatus.CONTENT_TOO_LARGE.value(), e.getMessage()));
    }

    private SubscriptionRequest read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new BodyTooLarge();
        }
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new BodyTooLarge();
        }
        try {
            return json.readValue(bytes, SubscriptionRequest.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("请求不是有效的订阅 JSON：" + e.getOriginalMessage());
        }
    }

    private SubscriptionView view(Rule rule) {
        return SubscriptionView.of(rule, scopes.ofOwner(rule));
    }

    /**
     * A reader bound to regions watches only those: a rule without regions gets theirs, a rule naming another
     * region is refused.
     */
    private static Rule withinJurisdiction(Rule rule, Jurisdiction jurisdiction) {
        if (!jurisdiction.restricted()) {
            return rule;
        }
        if (rule.regions().isEmpty()) {
            if (rule.weeklyReport() && jurisdiction.regions().size() > 1) {
                // a weekly report names one region or none; alerts stay within the owner's read scope anyway
                return rule;
            }
            return new Rule(rule.id(), rule.subscriber(), rule.name(), rule.topics(), jurisdiction.regions(),
                    rule.keywords(), rule.maxSentiment(), rule.minHeat(), rule.quietHours(), rule.destination(),
                    rule.owner(), rule.savedSearch(), rule.weeklyReport());
        }
        if (!jurisdiction.regions().containsAll(rule.regions())) {
            throw new AccessDeniedException("rule " + rule.id() + " watches regions outside the user's jurisdiction "
                    + jurisdiction.regions());
        }
        return rule;
    }

    private static boolean mayManage(Authentication caller, Rule rule) {
        return seesEverything(caller) || rule.subscriber().equals(caller.getName());
    }

    private static boolean seesEverything(Authentication caller) {
        return caller.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN") || a.getAuthority().equals("ROLE_MANAGER"));
    }
}
