#!/usr/bin/env bash
# Mutation testing of the reference server's handle logic (issue 12): PIT mutates operations, model,
# XML writers, request parsing and authentication, and the kit's own cases, run against the embedded
# server, are the test suite (PIT runs, per mutant, only the cases covering the mutated line).
# Writes bench/mutation/report.md (killed, survived, uncovered; score over the mutants not recorded in
# bench/mutation/survivors.md as invisible on the wire, equivalent, or not reached through the two handle
# operations) and PIT's HTML report in target/pit-reports/. Against the reference server a case that
# cannot test or finds a feature absent counts as having seen the mutant (mutation.EveryFeaturePresent).
# Takes long on 2 cores (about an hour on a busy machine): it runs niced, not in CI.
#
#   bench/mutation.sh            environment: PIT_THREADS (default 2)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
nice -n 10 mvn -B -Pmutation -Dpit.threads="${PIT_THREADS:-2}" test-compile \
    org.pitest:pitest-maven:mutationCoverage dependency:build-classpath \
    -Dmdep.outputFile=target/mutation-classpath -Dmdep.includeScope=test
java -cp "target/test-classes:$(cat target/mutation-classpath)" io.handlestck.mutation.MutationSummary \
    target/pit-reports/mutations.xml bench/mutation/survivors.md bench/mutation/report.md
