package org.minyi.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.minyi.OwnerOnly;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.minyi.JsonFile;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Users in one JSON file ({@code users.json} in the data folder, readable by the service's own system user only),
 * passwords as BCrypt hashes. Every change rewrites the file through a temporary file and an atomic move, so a crash
 * leaves the old or the new list, never half. No change may leave the service without an admin. Whoever must know
 * about a change (the sessions of that user) hears of it through {@link #onChange}.
 */
public final class UserStore implements UserDetailsService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final PasswordEncoder encoder;
    private final Map<String, UserAccount> users = new ConcurrentHashMap<>();
    private final List<Consumer<String>> changeListeners = new CopyOnWriteArrayList<>();

    private UserStore(Path file, PasswordEncoder encoder) {
        this.file = file;
        this.encoder = encoder;
    }

    /** Opens the store at {@code file}; a missing file is an empty store. */
    public static UserStore open(Path file, PasswordEncoder encoder) {
        UserStore store = new UserStore(file, encoder);
        if (Files.isRegularFile(file)) {
            try {
                List<UserAccount> accounts = JSON.readValue(file.toFile(), new TypeReference<List<UserAccount>>() { });
                accounts.forEach(a -> store.users.put(a.name(), a));
            } catch (JacksonException e) {
                throw new IllegalStateException("cannot read the user file " + file + ": " + e.getOriginalMessage(), e);
            }
        }
        return store;
    }

    public boolean isEmpty() {
        return users.isEmpty();
    }

    public List<UserAccount> list() {
        return users.values().stream().sorted(Comparator.comparing(UserAccount::name)).toList();
    }

    public Optional<UserAccount> find(String name) {
        return Optional.ofNullable(users.get(name));
    }

    /** Called with the user's name after each change of that user (password, roles, removal). */
    public void onChange(Consumer<String> listener) {
        changeListeners.add(listener);
    }

    /**
     * Creates or replaces a user; the password is hashed here and never stored.
     *
     * @throws IllegalArgumentException when the password is too short, or the change would take the admin role
     *                                  from the last admin
     */
    public synchronized UserAccount put(String name, String password, Set<Role> roles) {
        return put(name, password, roles, Set.of());
    }

    /**
     * Creates or replaces a user bound to {@code regions} (empty: every region). A null password keeps an existing
     * user's password (to change roles or regions only); a new user needs one.
     */
    public synchronized UserAccount put(String name, String password, Set<Role> roles, Set<String> regions) {
        UserAccount existing = users.get(name);
        String hash;
        if (password == null && existing != null) {
            hash = existing.passwordHash();
        } else if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("the password of user " + name + " must have at least 8 characters");
        } else {
            hash = encoder.encode(password);
        }
        UserAccount account = new UserAccount(name, hash, roles, regions);
        if (!roles.contains(Role.ADMIN)) {
            refuseLosingTheLastAdmin(name, "take the admin role from");
        }
        users.put(name, account);
        save();
        changed(name);
        return account;
    }

    /** @throws IllegalArgumentException when {@code name} is the last admin */
    public synchronized boolean remove(String name) {
        if (users.containsKey(name)) {
            refuseLosingTheLastAdmin(name, "remove");
        }
        boolean removed = users.remove(name) != null;
        if (removed) {
            save();
            changed(name);
        }
        return removed;
    }

    private void refuseLosingTheLastAdmin(String name, String change) {
        UserAccount current = users.get(name);
        boolean isAdmin = current != null && current.roles().contains(Role.ADMIN);
        boolean otherAdmin = users.values().stream()
                .anyMatch(u -> !u.name().equals(name) && u.roles().contains(Role.ADMIN));
        if (isAdmin && !otherAdmin) {
            throw new IllegalArgumentException("cannot " + change + " user " + name + ": it is the last admin, and"
                    + " without one nobody can manage users; make another user admin first");
        }
    }

    private void changed(String name) {
        changeListeners.forEach(listener -> listener.accept(name));
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        UserAccount account = users.get(name);
        if (account == null) {
            throw new UsernameNotFoundException("no user " + name);
        }
        return User.withUsername(account.name())
                .password(account.passwordHash())
                .authorities(account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                .build();
    }

    private void save() {
        try {
            JsonFile.replace(file, new ArrayList<>(list()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the user file " + file, e);
        }
    }
}
