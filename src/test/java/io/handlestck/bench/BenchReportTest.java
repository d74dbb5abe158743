package io.handlestck.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The report's judgement of figures: what counts as met, and what may never be shown as a number. */
class BenchReportTest {

    private static Properties figures(String... pairs) {
        Properties figures = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            figures.setProperty(pairs[i], pairs[i + 1]);
        }
        return figures;
    }

    private static String targetRow(String report, String target) {
        return report.lines().filter(line -> line.startsWith("| " + target)).findFirst().orElseThrow();
    }

    @Test
    void throughputTargetsCompareTheSixteenConnectionRuns() {
        String report = BenchReport.render(figures(
                "http.ours.fch.c16.rps", "9000", "http.ours.fch.c16.errors", "0",
                "http.azurite.getcontainer.c16.rps", "2000", "http.azurite.getcontainer.c16.errors", "0",
                "http.nginx.empty.c16.rps", "40000", "http.nginx.empty.c16.errors", "0"), null);

        assertThat(targetRow(report, "throughput ≥ 3× Azurite at 16 connections (Force Close"))
                .contains("4.50×").contains("| met |");
        assertThat(targetRow(report, "throughput ≥ 0.5× nginx at 16 connections (Force Close"))
                .contains("0.23×").contains("**NOT met**");
    }

    @Test
    void roundsAreJudgedByTheMedianOfEachRoundsRatioNotByTheRatioOfMedians() {
        // Round 2 ran on a slow minute for both servers: its ratio is as good as the others'.
        String report = BenchReport.render(figures(
                "http.ours.fch.c16.rps", "20000", "http.ours.fch.c16.errors", "0",
                "http.nginx.empty.c16.rps", "50000", "http.nginx.empty.c16.errors", "0",
                "http.ours.fch.c16.r1.rps", "30000", "http.nginx.empty.c16.r1.rps", "50000",
                "http.ours.fch.c16.r2.rps", "15000", "http.nginx.empty.c16.r2.rps", "25000",
                "http.ours.fch.c16.r3.rps", "20000", "http.nginx.empty.c16.r3.rps", "60000"), null);

        assertThat(targetRow(report, "throughput ≥ 0.5× nginx at 16 connections (Force Close"))
                .contains("0.60×").contains("| met |");
        assertThat(report).contains("each round's ratio: Force Close / nginx 0.60×, 0.60×, 0.33×.");
    }

    @Test
    void aRunWithErrorsGivesNoRatio() {
        // A rejected signature answers fast: 403s per second are no throughput.
        String report = BenchReport.render(figures(
                "http.ours.fch.c16.rps", "90000", "http.ours.fch.c16.errors", "12",
                "http.azurite.getcontainer.c16.rps", "2000", "http.azurite.getcontainer.c16.errors", "0"), null);

        assertThat(targetRow(report, "throughput ≥ 3× Azurite at 16 connections (Force Close"))
                .doesNotContain("×|").contains("not measured |").doesNotContain("| met |");
    }

    @Test
    void missingFiguresAreNotMeasuredAndFailedPhasesAreNamed() {
        String report = BenchReport.render(figures("failed.scale", "exit 1"), null);

        assertThat(targetRow(report, "1,000,000 handles force-closed")).endsWith("| not measured | not measured |");
        assertThat(report).contains("## 5. SMB endpoint\n\nnot measured.");
        assertThat(report).contains("## Phases that failed").contains("scale (exit 1)");
    }

    @Test
    void scaleTargetsUseTheMillionHandleRunAndGrowthAgainstTheSmallest() {
        String report = BenchReport.render(figures(
                "scale.n10000.list_middle_ms", "10", "scale.n10000.close_per_call_ms", "1.0",
                "scale.n1000000.list_start_ms", "12", "scale.n1000000.list_middle_ms", "25",
                "scale.n1000000.list_end_ms", "14", "scale.n1000000.close_per_call_ms", "1.5",
                "scale.n1000000.close_total_ms", "1500", "scale.n1000000.heap_bytes_per_handle", "230"), null);

        assertThat(targetRow(report, "5,000-entry List Handles page")).contains("25 ms").contains("**NOT met**");
        assertThat(targetRow(report, "1,000,000 handles force-closed")).contains("1.50 s").contains("**NOT met**");
        assertThat(targetRow(report, "≤ 200 bytes of heap")).contains("230 B").contains("**NOT met**");
        assertThat(targetRow(report, "List Handles page cost flat")).contains("2.50×").contains("**NOT met**");
        assertThat(targetRow(report, "Force Close call cost flat")).contains("1.50×").contains("| met |");
    }

    @Test
    void cliTargetsTakeTheMedianOfTheRepeatedLauncherRuns() {
        String report = BenchReport.render(figures(
                "kit.cli.launcher.r1.wall_ms", "3900", "kit.cli.launcher.r1.cpu_ms", "7000", "kit.cli.launcher.r1.exit", "0",
                "kit.cli.launcher.r2.wall_ms", "9000", "kit.cli.launcher.r2.cpu_ms", "5500", "kit.cli.launcher.r2.exit", "0",
                "kit.cli.launcher.r3.wall_ms", "3500", "kit.cli.launcher.r3.cpu_ms", "5000", "kit.cli.launcher.r3.exit", "0",
                "kit.cli.plain.r1.wall_ms", "7800", "kit.cli.plain.r1.cpu_ms", "11000", "kit.cli.plain.r1.exit", "0",
                "kit.cli.plain.r2.wall_ms", "8000", "kit.cli.plain.r2.cpu_ms", "11000", "kit.cli.plain.r2.exit", "0",
                "kit.cli.plain.r3.wall_ms", "9000", "kit.cli.plain.r3.cpu_ms", "12000", "kit.cli.plain.r3.exit", "0"), null);

        assertThat(targetRow(report, "full certification run")).contains("3.90 s").contains("| met |");
        assertThat(targetRow(report, "the same run ≤ 6 s of CPU")).contains("5.50 s").contains("| met |");
        assertThat(report).contains("| launcher / plain, medians | 0.49× | 0.50× |");
    }

    @Test
    void aCliRunThatDidNotExitCleanlyGivesNoMedian() {
        String report = BenchReport.render(figures(
                "kit.cli.launcher.r1.wall_ms", "3000", "kit.cli.launcher.r1.cpu_ms", "4000", "kit.cli.launcher.r1.exit", "0",
                "kit.cli.launcher.r2.wall_ms", "3000", "kit.cli.launcher.r2.cpu_ms", "4000", "kit.cli.launcher.r2.exit", "1",
                "kit.cli.launcher.r3.wall_ms", "3000", "kit.cli.launcher.r3.cpu_ms", "4000", "kit.cli.launcher.r3.exit", "0"), null);

        assertThat(targetRow(report, "full certification run")).endsWith("| not measured | not measured |");
    }

    @Test
    void smbFiguresAreListedAsTheirDriverWroteThem() {
        assertThat(BenchReport.render(figures("smb.close.c16.rps", "12000", "smb.close.c16.ratio", "0.8"), null))
                .contains("| close.c16.rps | 12,000 |").contains("| close.c16.ratio | 0.80 |");
    }

    @Test
    void aBusyMachineIsSaid() {
        assertThat(BenchReport.render(figures("machine.nproc", "2", "machine.others_cpu.scale", "65"), null))
                .contains("**The machine was busy**: other work took up to 65% of the 2 cores");
        assertThat(BenchReport.render(figures("machine.nproc", "2", "machine.others_cpu.scale", "3"), null))
                .doesNotContain("was busy");
    }
}
