package org.minyi.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;

class UserStoreTest {

    @TempDir
    Path dir;

    @SuppressWarnings("deprecation")
    private UserStore store() {
        return UserStore.open(dir.resolve("users.json"), NoOpPasswordEncoder.getInstance());
    }

    @Test
    void noChangeLeavesTheServiceWithoutAnAdmin() {
        UserStore users = store();
        users.put("admin", "password-1", Set.of(Role.ADMIN));
        users.put("boss", "password-2", Set.of(Role.ADMIN, Role.LEADER));

        users.put("boss", "password-2", Set.of(Role.LEADER)); // another admin is left
        assertThatThrownBy(() -> users.put("admin", "password-1", Set.of(Role.MANAGER)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last admin");
        assertThatThrownBy(() -> users.remove("admin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last admin");
        assertThat(store().find("admin").orElseThrow().roles()).containsExactly(Role.ADMIN);
        assertThat(users.remove("boss")).isTrue();
    }

    @Test
    void everyChangeOfAUserIsAnnouncedWithItsName() {
        UserStore users = store();
        List<String> heard = new ArrayList<>();
        users.onChange(heard::add);

        users.put("admin", "password-1", Set.of(Role.ADMIN));
        users.put("li", "password-1", Set.of(Role.MANAGER));
        users.put("li", "password-2", Set.of(Role.MANAGER));
        users.remove("li");
        users.remove("nobody");

        assertThat(heard).containsExactly("admin", "li", "li", "li");
    }

    @Test
    void theUserFileIsReadableByTheServicesUserOnly() throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        store().put("admin", "password-1", Set.of(Role.ADMIN));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("users.json"))))
                .isEqualTo("rw-------");
    }
}
