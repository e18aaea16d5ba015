package org.minyi.alert;

import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** WeCom (企业微信) group robot: {"msgtype":"markdown","markdown":{"content":…}} to its webhook URL. */
public final class WeComNotifier implements Notifier {

    /** WeCom refuses markdown content over 4096 bytes. */
    private static final int MAX_CONTENT_BYTES = 4096;

    private final HttpPost http;
    private final JsonMapper json = JsonMapper.builder().build();

    public WeComNotifier(Duration timeout, ReceiverGuard guard) {
        this.http = new HttpPost(timeout, guard);
    }

    @Override
    public void send(Alert alert, Destination to) throws DeliveryException {
        String content = Utf8.truncate("### " + alert.title() + "\n" + alert.text(), MAX_CONTENT_BYTES);
        String body = json.writeValueAsString(Map.of("msgtype", "markdown", "markdown", Map.of("content", content)));
        String what = "企业微信机器人";
        RobotReply.check(json, http.json(to.url(), body, Map.of(), what), what);
    }

    @Override
    public void check(Destination to) {
        http.check(to.url());
    }
}
