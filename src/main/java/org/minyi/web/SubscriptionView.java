package org.minyi.web;

import java.util.List;
import java.util.Set;
import org.minyi.alert.ChannelType;
import org.minyi.alert.Destination;
import org.minyi.alert.QuietHours;
import org.minyi.alert.ReadScope;
import org.minyi.alert.Rule;

/**
 * A subscription as the API shows it: the destination without its secret and with robot keys and tokens masked
 * (they are write-only), who saved it, and what it can reach given that owner's read rights.
 *
 * @param reach     "all", "hotspots", "regions" or "none" (see {@link ReadScope#reach()})
 * @param reachNote in Chinese, when the rule cannot alert on everything it asks for
 * @param weeklyReport whether the weekly report of the rule's scope is sent too
 */
record SubscriptionView(String id, String subscriber, String name, Set<String> topics, Set<String> regions,
                        List<String> keywords, Double maxSentiment, Double minHeat, QuietHours quietHours,
                        DestinationView destination, String owner, String reach, String reachNote,
                        String savedSearch, boolean weeklyReport) {

    /** @param hasSecret whether a signing secret is saved; the secret itself is never shown */
    record DestinationView(ChannelType type, String url, boolean hasSecret, List<String> recipients) {

        static DestinationView of(Destination d) {
            return new DestinationView(d.type(), d.maskedUrl(), d.hasSecret(), d.recipients());
        }
    }

    static SubscriptionView of(Rule rule, ReadScope scope) {
        return new SubscriptionView(rule.id(), rule.subscriber(), rule.name(), rule.topics(), rule.regions(),
                rule.keywords(), rule.maxSentiment(), rule.minHeat(), rule.quietHours(),
                DestinationView.of(rule.destination()), rule.owner(), scope.reach(), note(rule, scope),
                rule.savedSearch(), rule.weeklyReport());
    }

    private static String note(Rule rule, ReadScope scope) {
        return switch (scope.reach()) {
            case "none" -> "保存这条订阅的账号无权阅读留言和热点，它不会发出预警（测试预警除外）；请管理员为账号开通阅读范围";
            case "hotspots" -> rule.watchesHotspots() ? null
                    : "保存这条订阅的账号只能阅读热点、不能阅读单条留言，它不会发出留言预警；设置热度下限可改为热点预警"
                    + (rule.weeklyReport() ? "（周报照常发送）" : "");
            case "regions" -> "只会收到 " + String.join("、", scope.regionSet()) + " 的留言和热点";
            default -> null;
        };
    }
}
