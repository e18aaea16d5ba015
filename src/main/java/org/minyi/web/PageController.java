package org.minyi.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page depends on the role: the dashboard for those who may see it, subscriptions for the others. */
@Controller
class PageController {

    @GetMapping("/")
    String home(Authentication user) {
        boolean dashboard = user.getAuthorities().stream().anyMatch(a -> a.getAuthority().matches(
                "ROLE_(ADMIN|MANAGER|LEADER)"));
        return "redirect:" + (dashboard ? "/dashboard.html" : "/subscriptions.html");
    }
}
