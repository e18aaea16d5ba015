package org.minyi.web;

import jakarta.servlet.http.HttpServletRequest;

/** What an error status means to a person, in Chinese and English: the title and sentence of error pages and API answers. */
enum ErrorWording {
    BAD_REQUEST(400, "请求有误", "Bad request",
            "请求的内容或参数不正确，请检查后重试。", "The request or its parameters are not right; check them and try again."),
    UNAUTHORIZED(401, "请先登录", "Please log in",
            "这个页面需要登录后才能打开。", "This page needs you to log in first."),
    FORBIDDEN(403, "没有权限", "Access denied",
            "您的账号没有打开这个页面或数据的权限。如需使用，请联系管理员开通。",
            "Your account may not open this page or data. Ask an administrator if you need it."),
    NOT_FOUND(404, "页面不存在", "Page not found",
            "找不到您要打开的页面或数据，可能地址有误，或已被删除。",
            "The page or data you asked for does not exist; the address may be wrong, or it was removed."),
    METHOD_NOT_ALLOWED(405, "不支持的请求方式", "Method not allowed",
            "这个地址不接受这种请求方式。", "This address does not accept this kind of request."),
    TOO_LARGE(413, "内容太大", "Too large",
            "发送的内容超过了允许的大小。", "What was sent is larger than allowed."),
    UNSUPPORTED(415, "不支持的内容类型", "Unsupported content type",
            "请求内容的类型不被接受。", "The type of the request body is not accepted."),
    TOO_MANY(429, "请求太频繁", "Too many requests",
            "请求太频繁，请稍后再试。", "Too many requests; try again in a while."),
    UNAVAILABLE(503, "服务暂时不可用", "Service unavailable",
            "服务暂时不可用，请稍后再试。", "The service is not available right now; try again later."),
    INTERNAL(500, "服务出错了", "Something went wrong",
            "服务遇到了意外错误，已记入日志。请稍后再试，或联系管理员。",
            "The service hit an unexpected error, which was logged. Try again later or tell an administrator.");

    final int status;
    final String chineseTitle;
    final String englishTitle;
    final String chineseText;
    final String englishText;

    ErrorWording(int status, String chineseTitle, String englishTitle, String chineseText, String englishText) {
        this.status = status;
        this.chineseTitle = chineseTitle;
        this.englishTitle = englishTitle;
        this.chineseText = chineseText;
        this.englishText = englishText;
    }

    /** The wording of a status; other 4xx read as a bad request, other 5xx as an internal error. */
    static ErrorWording of(int status) {
        for (ErrorWording wording : values()) {
            if (wording.status == status) {
                return wording;
            }
        }
        return status >= 500 ? INTERNAL : BAD_REQUEST;
    }

    String message(HttpServletRequest request) {
        return Language.english(request) ? englishText : chineseText;
    }
}
