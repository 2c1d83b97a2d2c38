package org.signalanalyzer.dsp.analysis.chargevoltage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** Grouping into sets: the lab workbook's name rules, and assignments for names that carry no set or voltage. */
class SetMembershipTest {

    static SortedMap<String, List<SetMembership.Member<String>>> group(
            List<String> names, Map<String, SetAssignment> given) {
        return SetMembership.group(names, n -> n, given::get);
    }

    @Test
    void theLabPatternTheDesktopFallbackAndTheOlderExportGroupAsTheWorkbookDoes() {
        var sets = group(
                List.of(
                        "20230405_0521_1_-20mV.atf",
                        "20230405_0522_1_10mV.ATF",
                        "dir/20230405_0530_2_0mV.abf",
                        "0057_2_-100.atf",
                        "2023_0600_10_30mV_extra.atf",
                        "C:\\data\\20230405_0523_1_-40mV.atf"),
                Map.of());
        assertEquals(List.of("1", "2", "10"), List.copyOf(sets.keySet()), "numeric sets in numeric order");
        assertEquals(
                List.of(-40.0, -20.0, 10.0),
                sets.get("1").stream().map(SetMembership.Member::namedV2Mv).toList(),
                "each set in voltage order");
        assertEquals("20230405_0523_1_-40mV.atf", sets.get("1").get(0).fileName(), "a path's last part");
        assertEquals(
                List.of(-100.0, 0.0),
                sets.get("2").stream().map(SetMembership.Member::namedV2Mv).toList());
        assertEquals(30.0, sets.get("10").get(0).namedV2Mv());
    }

    @Test
    void anAssignmentGivesWhatTheNameLacksAndOverridesWhatItSays() {
        var sets = group(
                List.of("cellA_first.atf", "cellA_second_10mVdepol.atf", "20230405_0521_1_-20mV.atf"),
                Map.of(
                        "cellA_first.atf",
                        new SetAssignment("cell A", -30.0),
                        "cellA_second_10mVdepol.atf",
                        new SetAssignment("cell A", null),
                        "20230405_0521_1_-20mV.atf",
                        new SetAssignment(null, -25.0)));
        assertEquals(List.of("1", "cell A"), List.copyOf(sets.keySet()), "numbers first, then labels");
        assertEquals(
                List.of(-30.0, 10.0),
                sets.get("cell A").stream().map(SetMembership.Member::namedV2Mv).toList(),
                "the desktop's V2-from-name fills a voltage the assignment leaves out");
        assertEquals(-25.0, sets.get("1").get(0).namedV2Mv(), "the assigned voltage wins over the name's");
    }

    @Test
    void filesWithoutASetOrAVoltageAreNamedInOneError() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> group(List.of("recording.atf", "20230405_0521_1_-20mV.atf", "other_10mVdepol.atf"), Map.of()));
        assertTrue(e.getMessage().contains("'recording.atf' (no set, no voltage)"), e.getMessage());
        assertTrue(e.getMessage().contains("'other_10mVdepol.atf' (no set, 10.0 mV)"), e.getMessage());
        assertTrue(e.getMessage().contains("YYYYMMDD_NNNN_<set>_<voltage>mV.atf"), e.getMessage());
        var ok = group(List.of("recording.atf"), Map.of("recording.atf", new SetAssignment("3", 20.0)));
        assertEquals(20.0, ok.get("3").get(0).namedV2Mv());
    }

    @Test
    void anEmptyAssignedSetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SetAssignment("  ", 10.0));
        assertThrows(IllegalArgumentException.class, () -> new SetAssignment("1", Double.NaN));
    }
}
