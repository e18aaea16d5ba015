/**
 * Scheduled delivery: reports a subscription asked for, sent on a weekly timetable through the alert channels.
 *
 * <p>{@link org.minyi.delivery.WeeklyReportDelivery} runs every few minutes; when the week's sending time has come
 * ({@link org.minyi.delivery.WeeklySchedule}) it makes, for each rule with {@code weeklyReport}, the 周报 of the
 * ISO week just ended over what the rule's owner may read ({@link org.minyi.delivery.ReportReaders}), and hands it
 * to {@link org.minyi.alert.AlertEngine#sendReport}: e-mail carries the PDF, robots and webhooks a link to the report
 * page ({@link org.minyi.delivery.WeeklyReportNotice}). The alert history is the record: what it holds for the week
 * is not sent again, across restarts.
 */
package org.minyi.delivery;
