package org.minyi.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.minyi.web.RunningService;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Sessions follow changes to their user, the last admin stays an admin, and guessing passwords is throttled and
 * logged. Over HTTP on the running service, with the login form as a browser uses it.
 */
@ExtendWith(OutputCaptureExtension.class)
class SessionAndLoginTest extends RunningService {

    @BeforeEach
    void fixture() throws Exception {
        importFixture();
    }

    @Test
    void aDemotedUsersSessionLosesItsRightsAtOnce() throws Exception {
        putUser("demoted-manager", USER_PASSWORD, "manager");
        FormLogin browser = new FormLogin(port);
        assertThat(browser.logIn("demoted-manager", USER_PASSWORD).headers().firstValue("Location")).hasValue(
                uri("/").toString());
        assertThat(browser.get("/api/search?q=x").statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/export").statusCode()).isEqualTo(200);

        putUser("demoted-manager", USER_PASSWORD, "subscriber");

        HttpResponse<String> after = browser.get("/api/search?q=x");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("log in again");
        assertThat(browser.get("/api/export").statusCode()).isEqualTo(401);
        assertThat(browser.get("/search.html").headers().firstValue("Location").orElse("")).contains("/login");
        assertThat(send(as("demoted-manager", USER_PASSWORD, "/api/search?q=x")).statusCode())
                .as("HTTP Basic has no session: the demotion holds on the next request").isEqualTo(403);
    }

    @Test
    void aSessionEndsWhenItsPasswordIsChangedOrItsUserRemoved() throws Exception {
        putUser("rekeyed", USER_PASSWORD, "manager");
        putUser("removed", USER_PASSWORD, "manager");
        FormLogin rekeyed = new FormLogin(port);
        FormLogin removed = new FormLogin(port);
        rekeyed.logIn("rekeyed", USER_PASSWORD);
        removed.logIn("removed", USER_PASSWORD);
        FormLogin bystander = new FormLogin(port);
        bystander.logIn("manager", USER_PASSWORD);
        assertThat(rekeyed.get("/api/search?q=x").statusCode()).isEqualTo(200);
        assertThat(removed.get("/api/search?q=x").statusCode()).isEqualTo(200);
        assertThat(send(as("rekeyed", USER_PASSWORD, "/api/search?q=x")).statusCode()).isEqualTo(200);
        assertThat(send(as("removed", USER_PASSWORD, "/api/search?q=x")).statusCode()).isEqualTo(200);

        putUser("rekeyed", "a-new-password-123", "manager");
        assertThat(send(asAdmin("/api/users/removed").DELETE()).statusCode()).isEqualTo(204);

        assertThat(rekeyed.get("/api/search?q=x").statusCode()).isEqualTo(401);
        assertThat(removed.get("/api/search?q=x").statusCode()).isEqualTo(401);
        assertThat(bystander.get("/api/search?q=x").statusCode()).as("other users keep their sessions").isEqualTo(200);
        assertThat(new FormLogin(port).logIn("rekeyed", USER_PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("/login?error"));
        assertThat(send(as("rekeyed", USER_PASSWORD, "/api/search?q=x")).statusCode())
                .as("HTTP Basic with the old password, which the password cache remembered").isEqualTo(401);
        assertThat(send(as("removed", USER_PASSWORD, "/api/search?q=x")).statusCode()).isEqualTo(401);
    }

    @Test
    void theLastAdminCanNeitherBeDemotedNorRemoved() throws Exception {
        HttpResponse<String> demote = send(asAdmin("/api/users/admin").header("Content-Type", "application/json")
                .PUT(jsonBody("{\"password\":\"" + ADMIN_PASSWORD + "\",\"roles\":[\"manager\"]}")));
        assertThat(demote.statusCode()).isEqualTo(400);
        assertThat(demote.body()).contains("last admin");

        putUser("second-admin", USER_PASSWORD, "admin");
        HttpResponse<String> removeTheOther = send(as("second-admin", USER_PASSWORD, "/api/users/admin").DELETE());
        assertThat(removeTheOther.statusCode()).as("with another admin left it may go").isEqualTo(204);
        HttpResponse<String> removeTheLast = send(as("second-admin", USER_PASSWORD, "/api/users/second-admin").DELETE());
        assertThat(removeTheLast.statusCode()).isEqualTo(400);
        HttpResponse<String> demoteTheLast = send(as("second-admin", USER_PASSWORD, "/api/users/second-admin")
                .header("Content-Type", "application/json")
                .PUT(jsonBody("{\"password\":\"" + USER_PASSWORD + "\",\"roles\":[\"leader\"]}")));
        assertThat(demoteTheLast.statusCode()).isEqualTo(400);
        assertThat(demoteTheLast.body()).contains("last admin");

        // the fixture's admin comes back for the other tests
        assertThat(send(as("second-admin", USER_PASSWORD, "/api/users/admin").header("Content-Type", "application/json")
                .PUT(jsonBody("{\"password\":\"" + ADMIN_PASSWORD + "\",\"roles\":[\"admin\"]}"))).statusCode())
                .isEqualTo(200);
        assertThat(send(asAdmin("/api/users/second-admin").DELETE()).statusCode()).isEqualTo(204);
    }

    @Test
    void repeatedWrongPasswordsLockTheUserOutBeforeAnyPasswordIsCheckedAndAreLogged(CapturedOutput log)
            throws Exception {
        putUser("guessed", USER_PASSWORD, "manager");
        for (int i = 0; i < 5; i++) {
            assertThat(send(as("guessed", "wrong-guess-" + i, "/api/status")).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = send(as("guessed", USER_PASSWORD, "/api/search?q=x"));
        assertThat(locked.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 600L));
        assertThat(locked.body()).contains("too many failed logins");
        HttpResponse<String> lockedForm = new FormLogin(port).logIn("guessed", USER_PASSWORD);
        assertThat(lockedForm.statusCode()).isEqualTo(429);
        assertThat(lockedForm.body()).contains("too many failed logins", "登录失败次数过多", "href=\"/login\"");
        assertThat(send(as("manager", USER_PASSWORD, "/api/search?q=x")).statusCode())
                .as("other users from the same address go on").isEqualTo(200);
        assertThat(log.getOut()).contains("login failed for user 'guessed' from 127.0.0.1")
                .contains("login refused for user 'guessed'");
    }

    private void putUser(String name, String password, String role) throws Exception {
        HttpResponse<String> put = send(asAdmin("/api/users/" + name).header("Content-Type", "application/json")
                .PUT(jsonBody("{\"password\":\"" + password + "\",\"roles\":[\"" + role + "\"]}")));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }
}
