package org.minyi.alert;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeCom and DingTalk robots answer HTTP 200 with {"errcode":0,…} on success and a non-zero errcode otherwise. Only
 * the code is reported, with its meaning where known; the robot's own words ({@code errmsg}) are not passed on.
 */
final class RobotReply {

    private static final Map<Integer, String> MEANINGS = Map.ofEntries(
            Map.entry(93000, "机器人地址无效或 key 错误"),
            Map.entry(93004, "机器人已停用或被移出群聊"),
            Map.entry(40008, "消息格式不被接受"),
            Map.entry(45009, "发送太频繁，稍后重试"),
            Map.entry(130101, "发送太频繁，稍后重试"),
            Map.entry(300001, "access_token 无效"),
            Map.entry(310000, "安全设置未通过：关键词、加签或 IP 白名单不符"),
            Map.entry(400013, "群已解散"),
            Map.entry(400101, "access_token 不存在"));

    private RobotReply() {
    }

    static void check(JsonMapper json, String body, String what) throws DeliveryException {
        JsonNode reply;
        try {
            reply = json.readTree(body);
        } catch (RuntimeException e) {
            throw new DeliveryException(what + "的回复不是机器人接口的格式，请检查地址", true, e);
        }
        int errcode = reply.path("errcode").asInt(-1);
        if (errcode != 0) {
            // Rate limiting by the robot (WeCom 45009, DingTalk 130101) passes with time; other codes do not.
            boolean retryable = errcode == 45009 || errcode == 130101 || errcode == -1;
            String meaning = errcode == -1 ? "回复中没有错误码" : MEANINGS.getOrDefault(errcode, "请查阅机器人文档");
            throw new DeliveryException(what + "拒绝了消息（错误码 " + errcode + "：" + meaning + "）", retryable);
        }
    }
}
