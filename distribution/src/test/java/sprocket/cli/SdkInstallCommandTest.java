package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sprocket sdk install} copies an SDK repository into a local Maven repository as {@code mvn install} would
 * leave it. The real SDK, built into the archive, is installed and used by a plug-in build in .ci/sdk-example.sh.
 */
class SdkInstallCommandTest {

    private static Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static Path sdk(Path dir) throws Exception {
        Path v = dir.resolve("dev/sprocket/sprocket-api/1.2.0");
        write(v.resolve("sprocket-api-1.2.0.jar"), "jar");
        write(v.resolve("sprocket-api-1.2.0.jar.sha1"), "0123");
        write(v.resolve("sprocket-api-1.2.0.pom"), "<project/>");
        write(dir.resolve("dev/sprocket/sprocket-bom/1.2.0/sprocket-bom-1.2.0.pom"), "<project/>");
        return dir;
    }

    @Test
    void install_copies_every_artifact_and_pom_and_lists_their_coordinates(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("m2");
        Invocation r = Invocation.sprocket("sdk", "install", "--from", sdk(tmp.resolve("sdk")).toString(),
                "--repository", repo.toString());
        assertThat(r.status()).as(r.err()).isZero();
        Path v = repo.resolve("dev/sprocket/sprocket-api/1.2.0");
        assertThat(v.resolve("sprocket-api-1.2.0.jar")).hasContent("jar");
        assertThat(v.resolve("sprocket-api-1.2.0.pom")).hasContent("<project/>");
        assertThat(repo.resolve("dev/sprocket/sprocket-bom/1.2.0/sprocket-bom-1.2.0.pom")).exists();
        // A local repository keeps no checksums; those serve the SDK used as a remote repository.
        assertThat(v.resolve("sprocket-api-1.2.0.jar.sha1")).doesNotExist();
        assertThat(r.out()).contains("Installed the Sprocket SDK into " + repo + " (3 files):",
                "  dev.sprocket:sprocket-api:1.2.0", "  dev.sprocket:sprocket-bom:1.2.0");
    }

    @Test
    void install_replaces_an_older_copy_and_forgets_a_failed_lookup(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("m2");
        Path v = repo.resolve("dev/sprocket/sprocket-api/1.2.0");
        write(v.resolve("sprocket-api-1.2.0.jar"), "old");
        // What Maven leaves after looking for an artifact that was not there yet.
        write(v.resolve("sprocket-api-1.2.0.pom.lastUpdated"), "central.error=not found");
        write(v.resolve("resolver-status.properties"), "x");
        Path other = write(repo.resolve("org/example/x/1/x-1.jar.lastUpdated"), "not ours");
        Invocation r = Invocation.sprocket("sdk", "install", "--from", sdk(tmp.resolve("sdk")).toString(),
                "--repository", repo.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(v.resolve("sprocket-api-1.2.0.jar")).hasContent("jar");
        assertThat(v.resolve("sprocket-api-1.2.0.pom.lastUpdated")).doesNotExist();
        assertThat(v.resolve("resolver-status.properties")).doesNotExist();
        assertThat(other).exists();
    }

    @Test
    void install_without_an_sdk_says_where_it_looked_and_fails(@TempDir Path tmp) {
        Invocation r = Invocation.sprocket("sdk", "install", "--from", tmp.toString(), "--repository",
                tmp.resolve("m2").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains(tmp + ": no SDK there");
        assertThat(tmp.resolve("m2")).doesNotExist();
    }

    @Test
    void sdk_alone_asks_for_a_subcommand() {
        Invocation r = Invocation.sprocket("sdk");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Missing subcommand: install");
    }

    @Test
    void the_local_repository_is_maven_s_default_without_settings(@TempDir Path home) {
        assertThat(SdkInstallCommand.localRepository(home, Map.of())).isEqualTo(home.resolve(".m2/repository"));
    }

    @Test
    void the_local_repository_of_settings_xml_wins_and_a_commented_one_does_not(@TempDir Path home) throws Exception {
        write(home.resolve(".m2/settings.xml"), """
                <settings>
                  <!-- <localRepository>/path/to/local/repo</localRepository> -->
                  <localRepository>${user.home}/maven/${env.M2_FLAVOUR}</localRepository>
                </settings>
                """);
        assertThat(SdkInstallCommand.localRepository(home, Map.of("M2_FLAVOUR", "plain")))
                .isEqualTo(home.resolve("maven/plain"));
        write(home.resolve(".m2/settings.xml"), """
                <settings>
                  <!-- <localRepository>/path/to/local/repo</localRepository> -->
                </settings>
                """);
        assertThat(SdkInstallCommand.localRepository(home, Map.of())).isEqualTo(home.resolve(".m2/repository"));
    }
}
