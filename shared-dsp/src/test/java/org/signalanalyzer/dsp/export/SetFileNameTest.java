package org.signalanalyzer.dsp.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The desktop "Export Sets" naming rules (docs/desktop-conventions.md#export-sets-naming). */
class SetFileNameTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // the lab pattern, any case, 3- or 4-digit file numbers, signed voltages
                "20230405_0521_1_-20mV.atf | 20230405_0521 | 1 | -20",
                "20230405_052_12_+40MV.ATF | 20230405_052 | 12 | 40",
                "20230405_0521_0_0mv.Atf | 20230405_0521 | 0 | 0",
                "uploads/2023/20230405_0521_3_-100mV.atf | 20230405_0521 | 3 | -100",
                "C:\\data\\20230405_0521_3_-100mV.atf | 20230405_0521 | 3 | -100",
                // ABF files named the lab's way (an extension of the desktop's .atf-only rules)
                "20230405_0521_3_-100mV.abf | 20230405_0521 | 3 | -100",
                "0057_0_-100.ABF | 0057 | 0 | -100",
                // the _-split fallback: number = parts 0 and 1, set = part 2, voltage = part 3 without mV
                "2023_0521_2_-60mV.atf | 2023_0521 | 2 | -60",
                "20230405_0521_1_-20mV_repeat.atf | 20230405_0521 | 1 | -20",
                "cellA_17_4_10.atf | cellA_17 | 4 | 10",
                // the older set export: <num>_<set>_<V>.atf
                "0057_0_-100.atf | 0057 | 0 | -100",
                "12_3_+20.ATF | 12 | 3 | 20",
            })
    void parsesTheSetNamingRules(String name, String number, int set, int voltage) {
        Optional<SetFileName> p = SetFileName.parse(name);
        assertTrue(p.isPresent(), name);
        assertEquals(new SetFileName(number, set, voltage), p.get());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "202304_0521.atf", // the desktop sample: no set, no voltage
                "20230405_0521_x_-20mV.atf", // set is not a number
                "20230405_0521_1_minus20mV.atf", // voltage is not a number
                "20230405_0521_-1_-20mV.atf", // a negative set
                "0057_0.atf", // too few parts for any rule
                "0057_a_-100.atf",
                "20230405_0521_1_-20mV.csv", // not a recording format the naming applies to
                "0057_0_-100.txt",
                "__1_2.atf", // empty file-number parts
                "",
            })
    void rejectsNamesThatTellNoSet(String name) {
        assertEquals(Optional.empty(), SetFileName.parse(name), name);
    }
}
