package org.minyi.delivery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.IsoFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.minyi.alert.Alert;
import org.minyi.alert.AlertFacts;
import org.minyi.alert.AlertKind;
import org.minyi.alert.Rule;
import org.minyi.report.ReportPeriod;
import org.minyi.report.ReportScope;

/**
 * The alert that carries one rule's weekly report: its id names the rule and the week (the history dedupes on it),
 * its text says which week and scope and links to the report page with them filled in.
 */
final class WeeklyReportNotice {

    private WeeklyReportNotice() {
    }

    /** e.g. weekly-streetlights-2026-W48: one per rule and ISO week. */
    static String id(Rule rule, ReportPeriod week) {
        return "weekly-" + rule.id() + "-" + week.first().get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", week.first().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The rule's scope: its region and topic when it names one (a weekly rule names at most one of each). */
    static ReportScope scope(Rule rule) {
        return new ReportScope(rule.regions().size() == 1 ? rule.regions().iterator().next() : null,
                rule.topics().size() == 1 ? rule.topics().iterator().next() : null);
    }

    /** The report page showing this week and scope, under the service's public address. */
    static String link(String linkBase, ReportPeriod week, ReportScope scope) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("kind", "weekly");
        params.put("date", week.first().toString());
        if (scope.region() != null) {
            params.put("region", scope.region());
        }
        if (scope.topic() != null) {
            params.put("topic", scope.topic());
        }
        return linkBase + "/report.html?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Alert of(Rule rule, ReportPeriod week, String linkBase, Instant now) {
        ReportScope scope = scope(rule);
        String link = link(linkBase, week, scope);
        String title = "【周报】" + week.chinese() + " · " + scope.chinese();
        String text = "**民意周报：" + week.chinese() + "**\n\n"
                + "- 范围：" + scope.chinese() + "\n"
                + "- 订阅：" + rule.name() + "\n\n"
                + "[查看周报](" + link + ")（邮件另附 PDF 全文）";
        AlertFacts facts = new AlertFacts(null, null, scope.region() == null ? List.of() : List.of(scope.region()),
                scope.topic(), null, null, null, null, null, null, null, List.of());
        return new Alert(id(rule, week), AlertKind.REPORT, rule.subscriber(), List.of(rule.id()),
                List.of(rule.name()), "report:weekly:" + week.first(), null, title, text, link, facts, now, now,
                List.of());
    }
}
