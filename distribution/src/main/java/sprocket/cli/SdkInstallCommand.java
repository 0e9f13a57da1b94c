package sprocket.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sprocket sdk install}: copies the SDK this installation ships (sdk/repository: sprocket-api,
 * sprocket-sched-tck, the BOM, the modules the kit boots, their poms, sources and Javadoc) into a local Maven
 * repository, laid out as {@code mvn install} leaves it, where an outside Maven build or Gradle's
 * {@code mavenLocal()} finds them.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Put sprocket-api, sprocket-sched-tck and sprocket-bom (and what the kit needs) into the local"
            + " Maven repository, so that a plug-in's own Maven or Gradle build finds them."},
        footer = {"", "The default local repository is the one Maven uses:",
            "the <localRepository> of ~/.m2/settings.xml, else ~/.m2/repository."})
final class SdkInstallCommand implements Callable<Integer> {

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern LOCAL_REPOSITORY = Pattern.compile("<localRepository>\\s*(.*?)\\s*</localRepository>",
            Pattern.DOTALL);
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{(env\\.)?([^}]+)}");

    private final Host host;

    @Option(names = "--repository", paramLabel = "DIR",
            description = "The local repository to install into (default: the one Maven uses).")
    Path repository;

    @Option(names = "--from", paramLabel = "DIR",
            description = "The SDK repository to install (default: sdk/repository of this installation).")
    Path from;

    SdkInstallCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() throws IOException {
        Path source = from != null ? from : installation().resolve("sdk").resolve("repository");
        Path ours = source.resolve("dev").resolve("sprocket");
        if (!Files.isDirectory(ours)) {
            throw new Failure(Failure.SOFTWARE, source + ": no SDK there (dev/sprocket is missing); a source tree"
                    + " makes it with ./sprocket or mvn package, in distribution/target/sprocket/sdk/repository");
        }
        Path target = repository != null ? repository
                : localRepository(Path.of(System.getProperty("user.home")), host.env());
        Files.createDirectories(target);
        TreeSet<String> artifacts = new TreeSet<>();
        int files = 0;
        try (Stream<Path> s = Files.walk(ours)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                // Checksums serve the SDK used as a remote repository; a local repository keeps none.
                if (name.endsWith(".sha1")) continue;
                Path to = target.resolve(source.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                files++;
                if (name.endsWith(".pom")) artifacts.add(coordinates(source.relativize(f)));
            }
        }
        forgetFailedLookups(target.resolve(source.relativize(ours).toString()));
        host.out().println("Installed the Sprocket SDK into " + target + " (" + files + " files):");
        for (String a : artifacts) host.out().println("  " + a);
        host.out().println("Maven: import dev.sprocket:sprocket-bom as a BOM, then depend on sprocket-api (provided)"
                + " and sprocket-sched-tck (test); see examples/lottery-scheduler/pom.xml. Gradle: mavenLocal().");
        return 0;
    }

    /**
     * An earlier build that looked for these artifacts before they were here left markers of the failed lookup;
     * removed so that nothing remembers the miss.
     */
    private static void forgetFailedLookups(Path ours) throws IOException {
        try (Stream<Path> s = Files.walk(ours)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".lastUpdated") || name.equals("resolver-status.properties")) Files.delete(f);
            }
        }
    }

    /** groupId:artifactId:version of a pom at {@code path} (group/as/dirs/artifact/version/file.pom). */
    private static String coordinates(Path path) {
        int n = path.getNameCount();
        List<String> group = new ArrayList<>();
        for (int i = 0; i < n - 3; i++) group.add(path.getName(i).toString());
        return String.join(".", group) + ":" + path.getName(n - 3) + ":" + path.getName(n - 2);
    }

    /** The installation this command runs from: the folder above lib/, where the jar of this class lies. */
    private static Path installation() {
        try {
            Path jar = Path.of(SdkInstallCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            throw new Failure(Failure.SOFTWARE, "cannot tell where this installation is (" + e.getMessage()
                    + "); name the SDK with --from DIR");
        }
    }

    /**
     * The local repository Maven uses for a user whose home is {@code home}: {@code <localRepository>} of
     * ~/.m2/settings.xml if it sets one (with {@code ${user.home}} and {@code ${env.NAME}} expanded), else
     * ~/.m2/repository.
     */
    static Path localRepository(Path home, Map<String, String> env) {
        Path settings = home.resolve(".m2").resolve("settings.xml");
        if (Files.isRegularFile(settings)) {
            String xml;
            try {
                xml = COMMENT.matcher(Files.readString(settings)).replaceAll("");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher m = LOCAL_REPOSITORY.matcher(xml);
            if (m.find() && !m.group(1).isEmpty()) {
                String value = PROPERTY.matcher(m.group(1)).replaceAll(p -> Matcher.quoteReplacement(
                        p.group(1) != null ? env.getOrDefault(p.group(2), "")
                                : p.group(2).equals("user.home") ? home.toString() : p.group()));
                return Path.of(value).toAbsolutePath();
            }
        }
        return home.resolve(".m2").resolve("repository");
    }
}
