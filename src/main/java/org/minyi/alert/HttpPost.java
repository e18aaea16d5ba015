package org.minyi.alert;

import java.time.Duration;
import java.util.Map;

/**
 * POSTs a JSON body to a receiver the {@link ReceiverGuard} allows and classifies the outcome: 5xx, 429 and network
 * failures may pass and are retryable, other answers are not. Failures are worded in Chinese for the people who read
 * the alert history, and never quote what the receiver answered: a receiver's reply must not become a way to read
 * the services it can see.
 */
final class HttpPost {

    private final ReceiverGuard guard;
    private final PinnedHttpPost transport;

    HttpPost(Duration timeout, ReceiverGuard guard) {
        this.guard = guard;
        this.transport = new PinnedHttpPost(timeout);
    }

    void check(String url) {
        guard.check(url);
    }

    /** @return the first bytes of a 2xx answer's body (robots put their verdict there) */
    String json(String url, String body, Map<String, String> headers, String what) throws DeliveryException {
        PinnedHttpPost.Reply reply = transport.post(guard.resolve(url, what), body, headers, what);
        int status = reply.status();
        if (status >= 200 && status < 300) {
            return reply.body();
        }
        if (status >= 300 && status < 400) {
            throw new DeliveryException(what + "要求重定向（HTTP " + status + "），预警不跟随重定向；请填写最终的接收地址",
                    false);
        }
        throw new DeliveryException(what + "返回 HTTP " + status + "（" + meaning(status) + "）",
                status >= 500 || status == 429);
    }

    private static String meaning(int status) {
        return switch (status) {
            case 400 -> "请求格式不被接受";
            case 401, 403 -> "没有权限，请检查密钥或令牌";
            case 404 -> "地址不存在";
            case 413 -> "消息太长";
            case 429 -> "发送太频繁，稍后重试";
            case 502, 503, 504 -> "接收方暂时不可用，稍后重试";
            default -> status >= 500 ? "接收方出错，稍后重试" : "请求被拒绝";
        };
    }
}
