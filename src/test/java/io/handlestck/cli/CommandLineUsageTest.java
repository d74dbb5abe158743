package io.handlestck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.kit.catalogue.Catalogue;
import io.handlestck.kit.catalogue.CatalogueEntry;
import io.handlestck.kit.result.Level;
import io.handlestck.server.defects.Defect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Everything the command line answers without running the kit: help, version, listings, usage errors. */
class CommandLineUsageTest {

    @TempDir
    Path dir;

    @Test
    void versionNamesTheKit() {
        Cli.Result result = Cli.run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).matches("handles-tck \\S.*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "serve", "cases", "defects", "compare", "clean"})
    void everyCommandHasHelp(String command) {
        Cli.Result result = Cli.run(command, "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: handles-tck " + command);
        assertThat(result.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "run --no-such-flag",
            "run --report-dir",
            "nonsense",
            "compare only-one.json",
            "defects extra-argument",
            "run --x-ms-version yesterday",
            "run --image handlestck/reference-server:0.1.0",
            "run --container --endpoint http://127.0.0.1:1/devstoreaccount1",
            "run --case NO-SUCH-CASE",
            "run --class no-such-class",
            "run --level mandatory",
            "run --endpoint not-a-url --account a --key a2V5",
            "clean",
            "run --case FCH-001 --class list-handles",
            "run --report-dir /proc/no-such-dir",
            "cases --class no-such-class"})
    void badUsageIsOneLineAndExitCode2(String commandLine) {
        Cli.Result result = Cli.run(commandLine.split(" "));
        assertThat(result.exitCode()).as(result.err()).isEqualTo(HandlesTck.EXIT_USAGE);
        assertThat(result.errLines()).as(result.err()).hasSize(1);
        assertThat(result.errLines().get(0)).startsWith("handles-tck: ").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void certifyRefusesToDisableARequiredCase() {
        String requiredId = Catalogue.fromClasspath().entries().stream()
                .filter(entry -> entry.level() == Level.REQUIRED).map(CatalogueEntry::id).findFirst().orElseThrow();

        Cli.Result result = Cli.run("run", "--certify", "--disable", requiredId, "--report-dir", dir.toString());

        assertThat(result.exitCode()).isEqualTo(HandlesTck.EXIT_USAGE);
        assertThat(result.errLines()).containsExactly("handles-tck: --certify forbids disabling required case " + requiredId);
    }

    @Test
    void baselineThatIsNotAReportIsAUsageError() throws Exception {
        Path notAReport = Files.writeString(dir.resolve("baseline.json"), "{}");

        Cli.Result result = Cli.run("run", "--baseline", notAReport.toString(), "--report-dir", dir.toString());

        assertThat(result.exitCode()).isEqualTo(HandlesTck.EXIT_USAGE);
        assertThat(result.errLines()).singleElement().asString().contains("is not a Handles TCK report");
    }

    @Test
    void defectsPrintsNameTabDescriptionForEachDefect() {
        Cli.Result result = Cli.run("defects");
        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines()).containsExactlyElementsOf(
                Arrays.stream(Defect.values()).map(defect -> defect.name() + "\t" + defect.description()).toList());
    }

    @Test
    void casesPrintsTheCatalogueIdLevelTitle() {
        Cli.Result result = Cli.run("cases");
        assertThat(result.exitCode()).isZero();
        List<String> expected = Catalogue.fromClasspath().entries().stream()
                .map(entry -> entry.id() + "\t" + entry.level().name().toLowerCase(Locale.ROOT) + "\t" + entry.title())
                .toList();
        assertThat(expected).isNotEmpty();
        assertThat(result.outLines()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void casesOfOneClassListOnlyThatClass() {
        Cli.Result result = Cli.run("cases", "--class", "force-close-handles");
        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines()).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("FCH-"));
    }
}
