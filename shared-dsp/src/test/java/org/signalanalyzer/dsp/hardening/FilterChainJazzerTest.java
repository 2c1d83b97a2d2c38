package org.signalanalyzer.dsp.hardening;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided (Jazzer): any text as a filter chain, then applied to a trace. It must end as
 * {@link FilterChainFuzzTest#check} requires: a chain whose output keeps the length, or an IllegalArgumentException
 * with a message. In {@code mvn test} it replays the inputs under {@code FilterChainJazzerTestInputs/chain/} (the
 * seeds and every crash Jazzer saved). Fuzzing (libFuzzer, coverage-guided, 60 s; a finding is saved there as
 * {@code crash-<sha1>} and replays from then on):
 * <pre>
 * JAZZER_FUZZ=1 JAZZER_INSTRUMENTATION_INCLUDES='org.signalanalyzer.dsp.**:com.fasterxml.jackson.core.**' \
 *     mvn -B -pl shared-dsp test -Dtest=FilterChainJazzerTest
 * </pre>
 */
class FilterChainJazzerTest {

    private static final double[] TRACE = FilterChainFuzzTest.trace(2048);

    @FuzzTest(maxDuration = "60s")
    void chain(FuzzedDataProvider data) {
        FilterChainFuzzTest.check(data.consumeRemainingAsString(), TRACE, "jazzer input");
    }
}
