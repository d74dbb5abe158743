package io.handlestck.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README.md's "Run the cases from your own build", for real: a separate small Maven project
 * ({@code src/it/consumer}) that depends on the library artifact this build made and runs
 * {@code @KitSuite} in its own {@code mvn test}, against the embedded reference server and, where
 * Docker is meant to be ({@code handlestck.container.tests=true}, as {@code .ci/run} sets), against the
 * reference server image.
 *
 * <p>The consumer resolves everything from the local Maven repository, without network: the library
 * is installed into a repository of its own under {@code target/}, and the local repository is its
 * only remote (a {@code file:} mirror), so the test neither needs a prior {@code mvn install} nor
 * writes into the user's repository.
 */
class ConsumerBuildIT {

    private static final String GROUP_PATH = "io/handlestck/handles-tck";
    private static final long BUILD_TIMEOUT_MINUTES = 15;
    private static final Pattern SUMMARY = Pattern.compile(
            "<testsuite[^>]*?tests=\"(\\d+)\"[^>]*?errors=\"(\\d+)\"[^>]*?skipped=\"(\\d+)\"[^>]*?failures=\"(\\d+)\"");

    @Test
    void aVendorsBuildRunsTheKitSuiteFromTheLibraryArtifact() throws Exception {
        Path library = Path.of(System.getProperty("handlestck.library.jar"));
        String version = System.getProperty("handlestck.library.version");
        boolean containers = Boolean.getBoolean("handlestck.container.tests");
        assertThat(library).as("the library jar of this build").exists();
        assertNoBundledThirdPartyClasses(library);

        Path work = Path.of(System.getProperty("handlestck.library.jar")).getParent().resolve("consumer-it");
        deleteRecursively(work);
        Path project = work.resolve("project");
        copyRecursively(Path.of(System.getProperty("handlestck.consumer.project")), project);
        Path repository = work.resolve("repository");
        Path installed = repository.resolve(GROUP_PATH).resolve(version);
        Files.createDirectories(installed);
        Files.copy(library, installed.resolve("handles-tck-" + version + ".jar"));
        Files.copy(Path.of(System.getProperty("handlestck.library.pom")), installed.resolve("handles-tck-" + version + ".pom"));
        Path settings = work.resolve("settings.xml");
        Files.writeString(settings, settingsWithLocalMirror(Path.of(System.getProperty("handlestck.local.repository"))));

        if (!containers) {
            System.err.println("CONTAINER VARIANT SKIPPED: " + getClass().getSimpleName() + " builds the consumer project"
                    + " against the embedded server only; the Docker variant runs with -Dhandlestck.container.tests=true"
                    + " (as .ci/run sets) after docker/ci-docker.sh");
        }
        Path log = work.resolve("build.log");
        int exit = mvn(project, log, "-B", "-q", "-s", settings.toString(), "-Dmaven.repo.local=" + repository,
                "-Dhandles-tck.version=" + version, "-Dhandlestck.container.tests=" + containers, "test");
        assertThat(exit).as("the consumer's mvn test; its log ends:%n%s", tail(log)).isZero();

        assertThat(repository.resolve(GROUP_PATH).resolve(version).resolve("handles-tck-" + version + ".jar"))
                .as("the consumer resolved the plain library").exists();
        // Surefire files the suite's results under the kit's case classes it selected.
        int[] embedded = new int[4];
        for (String caseClass : List.of("ForceCloseHandlesCases", "ListHandlesCases", "ProtocolCases")) {
            int[] counts = summary(project, "io.handlestck.kit.cases." + caseClass);
            for (int i = 0; i < counts.length; i++) {
                embedded[i] += counts[i];
            }
        }
        assertThat(embedded[0]).as("results the README's suite ran against the embedded server").isGreaterThan(100);
        assertThat(embedded[2]).as("results skipped (COULD_NOT_TEST and the like) against the embedded server").isZero();
        assertThat(embedded[1] + embedded[3]).as("failures and errors of the README's suite; log:%n%s", tail(log)).isZero();
        if (containers) {
            int[] container = summary(project, "example.HandlesConformanceAgainstContainerTest");
            assertThat(container[0]).as("the container variant ran").isEqualTo(1);
            assertThat(container[2]).as("the container variant must not be skipped where Docker is meant to be").isZero();
            assertThat(container[1] + container[3]).as("the container variant; log:%n%s", tail(log)).isZero();
        }
    }

    /** The library must carry only the kit's own classes: its dependencies come from its pom. */
    private static void assertNoBundledThirdPartyClasses(Path library) throws IOException {
        try (JarFile jar = new JarFile(library.toFile())) {
            List<String> foreign = jar.stream().map(entry -> entry.getName())
                    .filter(name -> name.endsWith(".class") && !name.startsWith("io/handlestck/"))
                    .limit(5).toList();
            assertThat(foreign).as("classes of other projects inside the library jar").isEmpty();
        }
    }

    private static String settingsWithLocalMirror(Path localRepository) {
        return """
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                  <mirrors>
                    <mirror>
                      <id>local-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(localRepository.toUri());
    }

    private static int mvn(Path project, Path log, String... arguments) throws IOException, InterruptedException {
        String mavenHome = System.getProperty("maven.home");
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        String executable = mavenHome == null || mavenHome.isBlank() ? "mvn"
                : Path.of(mavenHome, "bin", windows ? "mvn.cmd" : "mvn").toString();
        List<String> command = new ArrayList<>(List.of(executable));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the consumer build did not finish within " + BUILD_TIMEOUT_MINUTES
                    + " minutes; its log ends:\n" + tail(log));
        }
        return process.exitValue();
    }

    /** tests, errors, skipped, failures of one test class of the consumer, from its Surefire report. */
    private static int[] summary(Path project, String testClass) throws IOException {
        Path report = project.resolve("target/surefire-reports/TEST-" + testClass + ".xml");
        assertThat(report).as("Surefire report of %s", testClass).exists();
        Matcher matcher = SUMMARY.matcher(Files.readString(report, StandardCharsets.UTF_8));
        assertThat(matcher.find()).as("testsuite summary in %s", report).isTrue();
        return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4))};
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.compareTo(a)).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
