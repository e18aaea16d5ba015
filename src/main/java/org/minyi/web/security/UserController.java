package org.minyi.web.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.minyi.web.Audited;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Users and roles (admins only), and who the caller is (everyone). Password hashes never leave the service. */
@RestController
@RequestMapping("/api")
@Tag(name = "users", description = "Users and roles")
class UserController {

    private final UserStore users;

    UserController(UserStore users) {
        this.users = users;
    }

    /** A user without the password hash; {@code regions} empty means every region. */
    public record UserView(String name, Set<Role> roles, Set<String> regions) {
        static UserView of(UserAccount account) {
            return new UserView(account.name(), account.roles(), account.regions());
        }
    }

    /**
     * A new or changed user: the password in clear (sent over the admin's session), hashed before it is kept; no
     * password keeps an existing user's. {@code regions} binds the user to those regions (none: every region).
     */
    public record UserRequest(String password, List<String> roles, List<String> regions) {
    }

    @GetMapping("/me")
    @Operation(summary = "The caller's name and roles (the pages use it to show what the user may open)")
    UserView me(Authentication authentication) {
        Set<Role> roles = authentication.getAuthorities().stream()
                .map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")) // other authorities say how the user logged in
                .map(a -> a.substring("ROLE_".length()))
                .map(Role::parse)
                .collect(Collectors.toSet());
        Set<String> regions = users.find(authentication.getName()).map(UserAccount::regions).orElse(Set.of());
        return new UserView(authentication.getName(), roles, regions);
    }

    @GetMapping("/users")
    List<UserView> list() {
        return users.list().stream().map(UserView::of).toList();
    }

    @PutMapping("/users/{name}")
    @Operation(summary = "Create or replace a user (password at least 8 characters, kept when left out for an "
            + "existing user; roles admin, manager, leader, subscriber; regions the user is bound to, none for all)")
    UserView put(@PathVariable String name, @RequestBody UserRequest request) {
        if (request.roles() == null || request.roles().isEmpty()) {
            throw new IllegalArgumentException("user " + name + ": give at least one role");
        }
        Set<Role> roles = request.roles().stream().map(Role::parse).collect(Collectors.toSet());
        Set<String> regions = request.regions() == null ? Set.of() : Set.copyOf(request.regions());
        UserView saved = UserView.of(users.put(name, request.password(), roles, regions));
        Audited.detail("roles=" + saved.roles() + " regions=" + saved.regions()
                + (request.password() == null ? "" : " password changed"));
        return saved;
    }

    @DeleteMapping("/users/{name}")
    ResponseEntity<Void> remove(@PathVariable String name, Principal caller) {
        if (name.equals(caller.getName())) {
            throw new IllegalArgumentException("an admin cannot remove their own user");
        }
        if (!users.remove(name)) {
            throw new NoSuchElementException("no user " + name);
        }
        return ResponseEntity.noContent().build();
    }
}
