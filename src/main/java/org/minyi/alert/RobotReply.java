package org.minyi.alert;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** WeCom and DingTalk robots answer HTTP 200 with {"errcode":0,…} on success and a non-zero errcode otherwise. */
final class RobotReply {

    private RobotReply() {
    }

    static void check(JsonMapper json, String body, String what) throws DeliveryException {
        JsonNode reply;
        try {
            reply = json.readTree(body);
        } catch (RuntimeException e) {
            throw new DeliveryException(what + " answered something that is not JSON: " + body, true, e);
        }
        int errcode = reply.path("errcode").asInt(-1);
        if (errcode != 0) {
            // Rate limiting by the robot (WeCom 45009, DingTalk 130101) passes with time; other codes do not.
            boolean retryable = errcode == 45009 || errcode == 130101 || errcode == -1;
            throw new DeliveryException(what + " refused the message: errcode " + errcode + " "
                    + reply.path("errmsg").asString(""), retryable);
        }
    }
}
