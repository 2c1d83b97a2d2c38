package org.signalanalyzer.dsp.export;

import org.apache.poi.ss.util.WorkbookUtil;

/** Excel's sheet-name limits: at most 31 characters, none of {@code []:*?/\}. */
final class SheetNames {

    static final int MAX_LENGTH = 31;

    private SheetNames() {}

    /** {@code base} made legal and cut so that {@code suffix} (e.g. {@code _v2}) still fits whole. */
    static String safe(String base, String suffix) {
        String legal = WorkbookUtil.createSafeSheetName(base, '_');
        int room = MAX_LENGTH - suffix.length();
        return (legal.length() > room ? legal.substring(0, room) : legal) + suffix;
    }
}
