package org.minyi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where MinYi finds its models, dictionaries and data when nobody says: the installation, from any folder. */
class MinYiSettingsTest {

    @TempDir
    Path tmp;

    @Test
    void anInstalledJarFindsItsHomeBesideIt() throws Exception {
        Path install = Files.createDirectories(tmp.resolve("opt/minyi/models"));
        Path jar = Files.createFile(install.resolveSibling("minyi.jar"));

        assertEquals(install.getParent(), MinYiSettings.installation(jar.toString()));
    }

    @Test
    void aCheckoutsTargetJarFindsTheCheckout() throws Exception {
        Path checkout = Files.createDirectories(tmp.resolve("minyi/models")).getParent();
        Path jar = Files.createFile(Files.createDirectories(checkout.resolve("target")).resolve("minyi.jar"));

        assertEquals(checkout, MinYiSettings.installation(jar.toString()));
    }

    @Test
    void withoutAnInstallationTheWorkingDirectoryIsHome() throws Exception {
        Path lonely = Files.createFile(Files.createDirectories(tmp.resolve("nowhere")).resolve("minyi.jar"));
        Path here = Path.of(".").toAbsolutePath().normalize();

        assertEquals(here, MinYiSettings.installation(lonely.toString()));
        assertEquals(here, MinYiSettings.installation("a.jar" + File.pathSeparator + "b.jar"), "a development class path");
    }

    @Test
    void dataModelsAndConfigHangOffHome() {
        MinYiSettings settings = MinYiSettings.from(key -> key.equals("minyi.home") ? tmp.toString() : null);

        assertEquals(tmp.resolve("models"), settings.models());
        assertEquals(tmp.resolve("data"), settings.dataDir());
        assertEquals(tmp.resolve("config"), settings.configDir());
    }

    @Test
    void theDistilledStudentsAreChosenByASettingAndOffByDefault() {
        assertEquals(false, MinYiSettings.from(key -> null).analysis().distilled());
        assertEquals(true, MinYiSettings.from(key -> key.equals("minyi.analysis.distilled") ? "true" : null)
                .analysis().distilled());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MinYiSettings.from(key -> key.equals("minyi.analysis.distilled") ? "yes" : null));
    }
}
