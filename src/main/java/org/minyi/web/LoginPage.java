package org.minyi.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login form, in Chinese with an English switch. Spring Security checks what it posts to {@code /login}; the
 * page only carries the CSRF token that post needs and says why the user is here again (wrong password, logged out).
 */
@Controller
class LoginPage {

    private final PageTemplate template = PageTemplate.load("login.html");

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> login(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String[] notice = notice(request);
        String page = template.fill(Map.of(
                "csrfParameter", token == null ? "_csrf" : token.getParameterName(),
                "csrfToken", token == null ? "" : token.getToken(),
                "noticeClass", notice[0],
                "chineseNotice", notice[1],
                "englishNotice", notice[2]));
        return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(page);
    }

    private static String[] notice(HttpServletRequest request) {
        if (request.getParameter("error") != null) {
            return new String[] {"error", "用户名或密码不对，请重新输入。", "Wrong user name or password; try again."};
        }
        if (request.getParameter("logout") != null) {
            return new String[] {"muted", "您已退出登录。", "You have logged out."};
        }
        return new String[] {"muted", "请使用管理员分配的账号登录。", "Log in with the account an administrator gave you."};
    }
}
