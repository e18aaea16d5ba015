package org.minyi.alert;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alerts on the delivery threads: to every distinct receiver of the rules an alert names (a receiver two rules
 * share gets it once), retrying what may pass with exponential backoff, and records SENT or FAILED with a reason in
 * plain Chinese. Technical detail (exception types, addresses) goes to the service log only.
 */
final class Deliveries {

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    /** Appends a state of an alert to the history. */
    @FunctionalInterface
    interface Recorder {
        void record(Alert alert, DeliveryStatus status, String reason, int attempts);
    }

    /** The outcome of a synchronous send. */
    record Outcome(DeliveryStatus status, String reason, int attempts) {
    }

    private final Notifier notifier;
    private final AlertSettings settings;
    private final Function<String, Optional<Rule>> rules;
    private final Recorder recorder;
    private final ScheduledExecutorService pool;
    private final AtomicInteger busy;
    private volatile boolean closing;

    Deliveries(Notifier notifier, AlertSettings settings, Function<String, Optional<Rule>> rules, Recorder recorder,
               ScheduledExecutorService pool, AtomicInteger busy) {
        this.notifier = notifier;
        this.settings = settings;
        this.rules = rules;
        this.recorder = recorder;
        this.pool = pool;
        this.busy = busy;
    }

    /** Starts delivering; returns at once. When the service is closing, the alert stays QUEUED and resumes on open. */
    void start(Alert alert) {
        busy.incrementAndGet();
        try {
            pool.execute(() -> attempt(alert, 1, receivers(alert), new ArrayList<>(), new ArrayList<>()));
        } catch (RejectedExecutionException e) {
            busy.decrementAndGet();
        }
    }

    /** One attempt now, on the caller's thread (the subscription page's test button). */
    Outcome sendNow(Alert alert, Destination to) {
        try {
            notifier.send(alert, to);
            return new Outcome(DeliveryStatus.SENT, "已发送到" + label(to), 1);
        } catch (DeliveryException e) {
            LOG.info("test alert {} to {} failed: {}", alert.id(), to, technical(e));
            return new Outcome(DeliveryStatus.FAILED, label(to) + "：" + e.getMessage(), 1);
        } catch (RuntimeException e) {
            LOG.error("test alert {} to {} failed", alert.id(), to, e);
            return new Outcome(DeliveryStatus.FAILED, label(to) + "：发送时出现内部错误（详见服务日志）", 1);
        }
    }

    /**
     * Sends on the caller's thread, retrying what may pass with the alerts' backoff (a scheduled report: its thread
     * has nothing else to do). The attachment is made only for a channel that carries files (e-mail).
     */
    Outcome sendRetrying(Alert alert, Destination to, Supplier<Attachment> attachment) {
        Attachment file = null;
        if (to.type() == ChannelType.EMAIL) {
            try {
                file = attachment.get();
            } catch (RuntimeException e) {
                LOG.error("alert {}: making its attachment failed", alert.id(), e);
                return new Outcome(DeliveryStatus.FAILED, label(to) + "：生成附件时出错，未发送（详见服务日志）", 0);
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                notifier.send(alert, to, file);
                return new Outcome(DeliveryStatus.SENT, "已发送到" + label(to), attempt);
            } catch (DeliveryException e) {
                LOG.info("alert {} attempt {} to {} failed: {}", alert.id(), attempt, to, technical(e));
                if (!e.retryable() || attempt >= settings.maxAttempts() || closing) {
                    return new Outcome(DeliveryStatus.FAILED, label(to) + "：" + e.getMessage()
                            + (e.retryable() ? "（已尝试 " + attempt + " 次）" : ""), attempt);
                }
            } catch (RuntimeException e) {
                LOG.error("alert {} to {} failed", alert.id(), to, e);
                return new Outcome(DeliveryStatus.FAILED, label(to) + "：发送时出现内部错误（详见服务日志）", attempt);
            }
            try {
                Thread.sleep(settings.backoff(attempt).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(DeliveryStatus.FAILED, label(to) + "：服务停止，未再重试（已尝试 " + attempt + " 次）",
                        attempt);
            }
        }
    }

    void closing() {
        closing = true;
    }

    private List<Destination> receivers(Alert alert) {
        List<Destination> receivers = new ArrayList<>();
        for (String ruleId : alert.ruleIds()) {
            rules.apply(ruleId).map(Rule::destination)
                    .filter(d -> receivers.stream().noneMatch(r -> r.sameReceiver(d)))
                    .ifPresent(receivers::add);
        }
        return receivers;
    }

    private void attempt(Alert alert, int attempt, List<Destination> remaining, List<String> sent,
                         List<String> failed) {
        if (remaining.isEmpty() && sent.isEmpty() && failed.isEmpty()) {
            finish(alert, DeliveryStatus.FAILED, "订阅已删除，未发送", attempt - 1);
            return;
        }
        List<Destination> retry = new ArrayList<>();
        String retryReason = null;
        for (Destination to : remaining) {
            try {
                notifier.send(alert, to);
                sent.add(label(to));
            } catch (DeliveryException e) {
                if (e.retryable()) {
                    retry.add(to);
                    retryReason = label(to) + "：" + e.getMessage();
                    LOG.info("alert {} attempt {} to {} failed: {}", alert.id(), attempt, to, technical(e));
                } else {
                    failed.add(label(to) + "：" + e.getMessage());
                    LOG.info("alert {} to {} failed for good: {}", alert.id(), to, technical(e));
                }
            } catch (RuntimeException e) {
                failed.add(label(to) + "：发送时出现内部错误（详见服务日志）");
                LOG.error("alert {} to {} failed", alert.id(), to, e);
            }
        }
        if (!retry.isEmpty() && attempt < settings.maxAttempts()) {
            if (closing) {
                // the service stopped while this attempt was out: a retry is still due, so it stays QUEUED in the
                // history and resumes on next open, as one not yet started would (never recorded FAILED for a stop)
                busy.decrementAndGet();
                return;
            }
            Duration wait = settings.backoff(attempt);
            try {
                pool.schedule(() -> attempt(alert, attempt + 1, retry, sent, failed), wait.toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                busy.decrementAndGet(); // stays QUEUED in the history; resumes on next open
            }
            return;
        }
        if (retryReason != null) {
            failed.add(retryReason + "（已尝试 " + attempt + " 次）");
        }
        if (failed.isEmpty()) {
            finish(alert, DeliveryStatus.SENT, "已发送到" + String.join("、", sent), attempt);
        } else {
            finish(alert, DeliveryStatus.FAILED, String.join("；", failed)
                    + (sent.isEmpty() ? "" : "；已发送到" + String.join("、", sent)), attempt);
        }
    }

    private void finish(Alert alert, DeliveryStatus status, String reason, int attempts) {
        try {
            recorder.record(alert, status, reason, attempts);
        } finally {
            busy.decrementAndGet();
        }
    }

    private static String label(Destination to) {
        return to.type().chinese() + (to.type() == ChannelType.EMAIL ? " " + String.join("、", to.recipients())
                : " " + URI.create(to.url()).getHost());
    }

    private static String technical(DeliveryException e) {
        return e.getMessage() + (e.getCause() == null ? "" : " [" + e.getCause() + "]");
    }
}
