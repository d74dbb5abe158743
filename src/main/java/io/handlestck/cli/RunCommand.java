package io.handlestck.cli;

import io.handlestck.container.ContainerTarget;
import io.handlestck.kit.catalogue.Catalogue;
import io.handlestck.kit.catalogue.CatalogueEntry;
import io.handlestck.kit.config.KitConfig;
import io.handlestck.kit.config.KitConfigException;
import io.handlestck.kit.result.Level;
import io.handlestck.kit.result.RunReport;
import io.handlestck.kit.result.Status;
import io.handlestck.kit.result.TargetInfo;
import io.handlestck.kit.run.KitRunner;
import io.handlestck.kit.run.VersionMatrix;
import io.handlestck.report.Baseline;
import io.handlestck.report.FailOn;
import io.handlestck.report.JUnitXmlReport;
import io.handlestck.report.PreflightText;
import io.handlestck.report.ReportJson;
import io.handlestck.report.ReportWriter;
import io.handlestck.report.RunSummary;
import io.handlestck.report.Submission;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run}: certifies a target and writes the four reports. Exit 0 when no required case failed
 * and nothing errored (nor any status {@code --fail-on} names), 1 otherwise ({@code --baseline}: 1 only
 * on regressions), 2 for bad usage or configuration.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the kit against a target and write report.json, report.html, report.md and junit.xml.",
                "No target: the embedded reference server. Exit 0: no required case failed and nothing errored;"
                        + " 1: otherwise; 2: bad usage or configuration."})
final class RunCommand implements Callable<Integer> {

    static final Path DEFAULT_REPORT_DIR = Path.of("reports", "latest");

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Mixin
    SmbOptions smb;

    @Option(names = "--provisioner", paramLabel = "NAME",
            description = "How handles are opened: auto (default), fixture, smb, none, or a vendor's provisioner.")
    String provisioner;

    @Option(names = "--x-ms-version", paramLabel = "V",
            description = "The API version under test; cases outside their version range are NOT_APPLICABLE."
                    + " 'all' or a comma-separated list runs the kit once per version and reports a case x version matrix.")
    String version;

    @Option(names = "--fail-on", paramLabel = "LEVEL", split = ",",
            description = "Also fail the run (exit 1) on these statuses (repeatable): warn, not-implemented,"
                    + " could-not-test, fail (a FAIL at any level).")
    List<String> failOn = new ArrayList<>();

    @Option(names = "--case", paramLabel = "ID", split = ",", description = "Run only this case (repeatable).")
    List<String> cases = new ArrayList<>();

    @Option(names = "--class", paramLabel = "NAME", split = ",",
            description = "Run only this conformance class (repeatable): force-close-handles, list-handles, protocol, ...")
    List<String> classes = new ArrayList<>();

    @Option(names = "--level", paramLabel = "LEVEL", split = ",",
            description = "Run only this level (repeatable): required, recommended, optional.")
    List<String> levels = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "ID", split = ",",
            description = "Report this case as DISABLED instead of running it (repeatable).")
    List<String> disabled = new ArrayList<>();

    @Option(names = "--serial", description = "Run the cases one at a time (default: in parallel).")
    boolean serial;

    @Option(names = "--product", paramLabel = "TEXT", description = "Product name and version, for the report.")
    String product;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Where the reports go (default: reports/latest/).")
    Path reportDir = DEFAULT_REPORT_DIR;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "A stored report.json: fail only on regressions (cases that passed there and no longer pass).")
    Path baselineFile;

    @Option(names = "--certify",
            description = "Certification run: no required case may be disabled, a required COULD_NOT_TEST fails,"
                    + " and a submission folder is written next to the reports.")
    boolean certify;

    @Option(names = "--container", description = "Start the reference server image in Docker and run against it.")
    boolean container;

    @Option(names = "--image", paramLabel = "NAME",
            description = "With --container: the image to start (default: the image of this kit's version).")
    String image;

    @Override
    public Integer call() throws IOException {
        checkFlagCombinations();
        Baseline baseline = baselineFile == null ? null : readBaseline();
        requireWritableDirectory(reportDir, "--report-dir");
        // Resolved before a container is started, so that a bad setting costs no container start.
        KitConfig config = target.resolve(runFlags());
        if (container) {
            try (ContainerTarget started = startContainer()) {
                Map<String, String> flags = runFlags();
                flags.put("endpoint", started.endpoint().toString());
                flags.put("account", started.account());
                flags.put("key", started.key());
                if (product == null) {
                    flags.put("product", "Handles TCK reference server (" + started.image() + ")");
                }
                return runAndReport(target.resolve(flags), baseline);
            }
        }
        return runAndReport(config, baseline);
    }

    private int runAndReport(KitConfig config, Baseline baseline) throws IOException {
        if (certify) {
            requireNoRequiredCaseDisabled(config);
        }
        Set<Status> failOnStatuses = failOnStatuses();
        List<String> versions = VersionMatrix.isMatrix(version) ? VersionMatrix.versions(version) : List.of(config.version());
        PrintWriter out = spec.commandLine().getOut();
        out.println("handles-tck run: " + (config.embedded() ? "embedded reference server" : config.endpoint())
                + ", x-ms-version " + String.join(",", versions) + ", reports in " + reportDir);
        Path junitWork = Files.createTempDirectory("handlestck-junit-");
        try {
            JUnitXmlReport junit = new JUnitXmlReport(junitWork);
            ProgressPrinter progress = new ProgressPrinter(out, System.console() != null);
            RunReport report = run(config, versions, progress, junit);
            progress.finish();

            List<Path> written = new ReportWriter(config.secrets(), certify, failOnStatuses).write(report, reportDir, junit);
            RunSummary summary = new RunSummary(report);
            out.println();
            out.print(SummaryTable.render(summary));
            out.println(PreflightText.line(report.preflight()));
            if (report.error() != null) {
                out.println("The run broke: " + report.error());
            }
            boolean green = summary.green(certify, failOnStatuses);
            int exit = green ? 0 : 1;
            if (baseline != null) {
                exit = reportRegressions(out, baseline, report);
            } else {
                summary.blocking(certify, failOnStatuses).forEach(result -> out.println("  " + result.status() + " "
                        + RunSummary.key(result) + (result.xMsVersion() == null || versions.size() == 1 ? ""
                        : " @" + result.xMsVersion()) + " " + result.title()));
            }
            if (certify) {
                Path folder = Submission.write(reportDir, readWritten(written), written, reproduceCommand(), green);
                out.println("Submission folder: " + folder + " (fill in " + Submission.PRODUCT_FILE + ")");
            }
            out.println((exit == 0 ? "PASSED" : "FAILED") + "; reports: "
                    + String.join(", ", written.stream().map(Path::toString).toList()));
            out.flush();
            return exit;
        } finally {
            deleteTree(junitWork);
        }
    }

    /** Runs the kit; if the kit itself throws, the run still gets a report that says why. */
    private static RunReport run(KitConfig config, List<String> versions, ProgressPrinter progress,
                                 JUnitXmlReport junit) {
        Instant startedAt = Instant.now();
        try {
            if (versions.size() > 1) {
                return VersionMatrix.run(config, versions, progress, junit::listenersFor);
            }
            return KitRunner.run(config, progress, junit.listeners());
        } catch (KitConfigException e) {
            throw e; // a selection of nothing, an unknown case: exit code 2, not a crash report
        } catch (RuntimeException | LinkageError e) {
            return crashReport(config, startedAt, e);
        }
    }

    /** The report of a run the kit could not even start or finish reporting: no cases, and why. */
    static RunReport crashReport(KitConfig config, Instant startedAt, Throwable crash) {
        Map<Status, Integer> summary = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            summary.put(status, 0);
        }
        return new RunReport(KitRunner.kitVersion(), KitRunner.kitJarSha256(), config.runPrefix() + "-crashed", startedAt,
                Instant.now(), new TargetInfo(config.embedded() ? "embedded reference server" : config.endpoint().toString(),
                config.account(), null, config.product(), config.provisioner()), config.redacted(), config.version(),
                summary, List.of(), "the kit crashed before reporting any case: " + crash);
    }

    private int reportRegressions(PrintWriter out, Baseline baseline, RunReport report) {
        List<Baseline.Regression> regressions = baseline.regressions(report);
        out.println("Baseline " + baselineFile + " (run " + baseline.stored().runId() + "): "
                + regressions.size() + " regression" + (regressions.size() == 1 ? "" : "s"));
        regressions.forEach(regression -> out.println("  REGRESSION " + regression.key() + " " + regression.title()
                + ": PASS -> " + regression.now() + (regression.message().isEmpty() ? "" : " (" + regression.message() + ")")));
        // Nothing was compared when the run broke as a whole; that is no green light.
        return regressions.isEmpty() && report.error() == null ? 0 : 1;
    }

    private Set<Status> failOnStatuses() {
        try {
            return FailOn.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private void checkFlagCombinations() {
        failOnStatuses();
        if (VersionMatrix.isMatrix(version)) {
            try {
                VersionMatrix.versions(version);
            } catch (KitConfigException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (image != null && !container) {
            throw new UsageException("--image needs --container");
        }
        if (container && target.namesATarget()) {
            throw new UsageException("--container starts its own target; drop --endpoint/--connection-string");
        }
    }

    /** Checked before the run, so that a typo does not cost a whole run before it shows. */
    static void requireWritableDirectory(Path dir, String flag) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UsageException("cannot use " + flag + " " + dir + ": the directory cannot be created");
        }
        if (!Files.isWritable(dir)) {
            throw new UsageException("cannot use " + flag + " " + dir + ": not writable");
        }
    }

    private Baseline readBaseline() {
        try {
            return new Baseline(ReportJson.read(baselineFile));
        } catch (IOException e) {
            throw new UsageException("cannot use --baseline " + baselineFile + ": " + e.getMessage());
        }
    }

    /** @throws io.handlestck.container.ContainerUnavailableException with one line saying why (exit code 2) */
    private ContainerTarget startContainer() {
        // Testcontainers logs every step at INFO; the progress lines are what a user of `run` reads.
        System.setProperty("org.slf4j.simpleLogger.log.org.testcontainers", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.tc", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.com.github.dockerjava", "warn");
        // Without Docker it logs a multi-line ERROR; ContainerTarget's one line already says what was tried and what to do.
        System.setProperty("org.slf4j.simpleLogger.log.org.testcontainers.dockerclient", "off");
        return ContainerTarget.start(image);
    }

    /** The run's own flags, by their configuration names. */
    private Map<String, String> runFlags() {
        Map<String, String> flags = new LinkedHashMap<>();
        TargetOptions.putIfGiven(flags, "provisioner", provisioner);
        flags.putAll(smb.flags());
        if (!VersionMatrix.isMatrix(version)) {
            TargetOptions.putIfGiven(flags, "version", version); // a matrix pins each version in turn
        }
        TargetOptions.putIfGiven(flags, "product", product);
        putList(flags, "cases", cases);
        putList(flags, "classes", classes);
        putList(flags, "levels", levels);
        putList(flags, "disabled", disabled);
        if (serial) {
            flags.put("parallel", "false");
        }
        return flags;
    }

    private static void putList(Map<String, String> flags, String key, List<String> values) {
        if (!values.isEmpty()) {
            flags.put(key, String.join(",", values));
        }
    }

    /** A certificate cannot rest on required cases that were switched off. */
    private static void requireNoRequiredCaseDisabled(KitConfig config) {
        Catalogue catalogue = Catalogue.fromClasspath();
        List<String> required = config.disabled().stream().sorted()
                .filter(id -> catalogue.entry(id).map(CatalogueEntry::level).orElse(null) == Level.REQUIRED)
                .toList();
        if (!required.isEmpty()) {
            throw new UsageException("--certify forbids disabling required case" + (required.size() == 1 ? " " : "s ")
                    + String.join(", ", required));
        }
    }

    /** The report as written (scrubbed), so the submission describes exactly what is in the folder. */
    private static RunReport readWritten(List<Path> written) throws IOException {
        return ReportJson.read(written.stream().filter(path -> path.endsWith(ReportJson.FILE_NAME)).findFirst()
                .orElseThrow());
    }

    /**
     * The command line of this run as a reviewer would type it: the key and connection string are
     * left out (they come from HANDLESTCK_KEY / HANDLESTCK_CONNECTION_STRING), everything else is kept.
     */
    String reproduceCommand() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        StringBuilder command = new StringBuilder("java -jar handles-tck.jar");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--key") || arg.equals("--connection-string")) {
                i++;
                continue;
            }
            if (arg.startsWith("--key=") || arg.startsWith("--connection-string=")) {
                continue;
            }
            command.append(' ').append(shellQuote(arg));
        }
        return command.toString();
    }

    private static String shellQuote(String arg) {
        return arg.matches("[A-Za-z0-9_./:=,@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
