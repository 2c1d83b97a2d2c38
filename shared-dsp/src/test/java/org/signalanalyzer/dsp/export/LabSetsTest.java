package org.signalanalyzer.dsp.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SortedMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LabSetsTest {

    @Test
    void groupsBySetSortsByFileNumberAndRenamesClashes() {
        List<String> names = List.of(
                "20230405_0530_2_-20mV.atf",
                "20230405_0521_1_-20mV.atf",
                "20230405_0525_1_+20mV.atf",
                "20230405_0521_1_-40mV.atf",
                "20230405_0522_2_-20mV.atf",
                "20230405_0521_1_-60mV.atf");
        SortedMap<Integer, List<LabSets.Member<String>>> sets = LabSets.group(names, Function.identity());

        assertEquals(List.of(1, 2), List.copyOf(sets.keySet()));
        assertEquals(
                List.of("20230405_0521", "20230405_0521_v2", "20230405_0521_v3", "20230405_0525"),
                sets.get(1).stream().map(LabSets.Member::sheetName).toList());
        // ties on the file number are ordered by the full name, so the input order never matters
        assertEquals(
                List.of(
                        "20230405_0521_1_-20mV.atf",
                        "20230405_0521_1_-40mV.atf",
                        "20230405_0521_1_-60mV.atf",
                        "20230405_0525_1_+20mV.atf"),
                sets.get(1).stream().map(LabSets.Member::item).toList());
        assertEquals(
                List.of("20230405_0522", "20230405_0530"),
                sets.get(2).stream().map(LabSets.Member::sheetName).toList());
        assertEquals(-40, sets.get(1).get(1).name().voltageMv());
    }

    @Test
    void aNameThatTellsNoSetIsAnErrorNamingEveryBadFile() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> LabSets.group(
                        List.of("20230405_0521_1_-20mV.atf", "202304_0521.atf", "notes.atf"), Function.identity()));
        assertTrue(e.getMessage().contains("'202304_0521.atf'"), e.getMessage());
        assertTrue(e.getMessage().contains("'notes.atf'"), e.getMessage());
        assertTrue(e.getMessage().contains(SetFileName.EXPECTED), e.getMessage());
    }

    @Test
    void longFileNumbersStillMakeLegalSheetNames() {
        List<String> names = List.of(
                "averyveryverylongcellname_20230405121212_1_-20.atf",
                "averyveryverylongcellname_20230405121212_1_-40.atf");
        List<LabSets.Member<String>> set =
                LabSets.group(names, Function.identity()).get(1);
        assertEquals("averyveryverylongcellname_20230", set.get(0).sheetName());
        assertEquals("averyveryverylongcellname_20_v2", set.get(1).sheetName());
        assertTrue(set.get(1).sheetName().length() <= 31);
    }
}
