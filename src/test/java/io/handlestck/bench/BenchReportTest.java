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
        assertThat(targetRow(report, "1,000,000 handles force-closed")).contains("1.50 s").contains("| met |");
        assertThat(targetRow(report, "≤ 200 bytes of heap")).contains("230 B").contains("**NOT met**");
        assertThat(targetRow(report, "List Handles page cost flat")).contains("2.50×").contains("**NOT met**");
        assertThat(targetRow(report, "Force Close call cost flat")).contains("1.50×").contains("| met |");
    }

    @Test
    void aBusyMachineIsSaid() {
        assertThat(BenchReport.render(figures("machine.nproc", "2", "machine.others_cpu.scale", "65"), null))
                .contains("**The machine was busy**: other work took up to 65% of the 2 cores");
        assertThat(BenchReport.render(figures("machine.nproc", "2", "machine.others_cpu.scale", "3"), null))
                .doesNotContain("was busy");
    }
}
