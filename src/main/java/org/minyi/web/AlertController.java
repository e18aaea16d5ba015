package org.minyi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.NoSuchElementException;
import org.minyi.alert.AlertEngine;
import org.minyi.alert.HistoryEntry;
import org.minyi.alert.Rule;
import org.minyi.access.Jurisdiction;
import org.minyi.web.security.Jurisdictions;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subscription rules and the alerts they produced. Rules and history survive restarts. Admins and managers see and
 * change every rule; other users (subscribers, leaders) only their own: the rule's subscriber is their user name.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "alerts", description = "Subscriptions (alert rules) and alert history")
class AlertController {

    private final AlertEngine alerts;
    private final Jurisdictions jurisdictions;

    AlertController(AlertEngine alerts, Jurisdictions jurisdictions) {
        this.alerts = alerts;
        this.jurisdictions = jurisdictions;
    }

    @GetMapping("/subscriptions")
    @Operation(summary = "All subscription rules")
    List<Rule> rules(Authentication caller) {
        return alerts.rules().stream().filter(rule -> mayManage(caller, rule)).toList();
    }

    @GetMapping("/subscriptions/{id}")
    Rule rule(@PathVariable String id, Authentication caller) {
        return alerts.rule(id).filter(rule -> mayManage(caller, rule))
                .orElseThrow(() -> new NoSuchElementException("no subscription with id " + id));
    }

    @PutMapping("/subscriptions/{id}")
    @Operation(summary = "Create or replace a rule",
            description = "Topics, regions, keywords, sentiment threshold (maxSentiment), heat threshold (minHeat: "
                    + "the rule then watches hotspots), quiet hours and a destination (webhook, wecom, dingtalk, email).")
    Rule putRule(@PathVariable String id, @RequestBody Rule rule, Authentication caller) {
        if (!id.equals(rule.id())) {
            throw new IllegalArgumentException("rule id '" + rule.id() + "' does not match the path '" + id + "'");
        }
        if (!mayManage(caller, rule) || alerts.rule(id).filter(old -> !mayManage(caller, old)).isPresent()) {
            throw new AccessDeniedException("user " + caller.getName() + " may only keep subscriptions of their own, "
                    + "with subscriber '" + caller.getName() + "'");
        }
        return alerts.putRule(withinJurisdiction(rule, jurisdictions.of(caller)));
    }

    @DeleteMapping("/subscriptions/{id}")
    ResponseEntity<Void> removeRule(@PathVariable String id, Authentication caller) {
        if (alerts.rule(id).filter(rule -> mayManage(caller, rule)).isEmpty() || !alerts.removeRule(id)) {
            throw new NoSuchElementException("no subscription with id " + id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/alerts")
    @Operation(summary = "Alert history, newest first: sent, failed, suppressed (with reason) or held")
    List<HistoryEntry> history(@RequestParam(required = false) String subscriber,
                               @RequestParam(defaultValue = "100") int limit, Authentication caller) {
        if (!seesEverything(caller) || jurisdictions.of(caller).restricted()) {
            subscriber = caller.getName();
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1..1000, was " + limit);
        }
        return alerts.history(subscriber, limit);
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
            return new Rule(rule.id(), rule.subscriber(), rule.name(), rule.topics(), jurisdiction.regions(),
                    rule.keywords(), rule.maxSentiment(), rule.minHeat(), rule.quietHours(), rule.destination());
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
