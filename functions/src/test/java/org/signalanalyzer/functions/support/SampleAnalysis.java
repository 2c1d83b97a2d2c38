package org.signalanalyzer.functions.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The process request the API tests send for the desktop sample (its protocol as in expected-desktop.json). */
public final class SampleAnalysis {

    /** The desktop sample's step protocol: two V1 cycles of 100 ms from 20 ms, V0 −80, V1 −100, V2 −20 mV. */
    public static final Map<String, Object> PROTOCOL =
            Map.of("nCycles", 2, "t0Ms", 20, "t1Ms", 100, "t2Ms", 100, "v0Mv", -80, "v1Mv", -100, "v2Mv", -20);

    private SampleAnalysis() {}

    /** A desktop-mode process body for {@code fileId}: filter preset {@code preset}, starting point 35. */
    public static Map<String, Object> desktop(String fileId, String preset) {
        return Map.of(
                "fileId",
                fileId,
                "mode",
                "desktop",
                "chain",
                Map.of("preset", preset),
                "startingPoint",
                "35",
                "params",
                PROTOCOL);
    }

    /** A batch job body for {@code fileIds}: desktop mode, filter preset {@code preset}, starting point 35. */
    public static Map<String, Object> batchJob(List<String> fileIds, String preset) {
        return Map.of(
                "kind",
                "batch",
                "fileIds",
                fileIds,
                "mode",
                "desktop",
                "chain",
                Map.of("preset", preset),
                "startingPoint",
                "35");
    }

    /** The same batch, exported in {@code layout}. */
    public static Map<String, Object> batchJob(List<String> fileIds, String preset, String layout) {
        Map<String, Object> body = new HashMap<>(batchJob(fileIds, preset));
        body.put("layout", layout);
        return body;
    }
}
