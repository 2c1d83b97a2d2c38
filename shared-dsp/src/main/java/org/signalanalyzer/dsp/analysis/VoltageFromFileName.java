package org.signalanalyzer.dsp.analysis;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desktop's V2 from a file name (spec §1): on the base name, "optional minus + digits, then mV, then depol or
 * the end" ({@code 20130507_0006_10mVdepol} → 10); otherwise "optional minus + digits, then depol"
 * ({@code …_-50depol} → −50).
 */
public final class VoltageFromFileName {

    private static final Pattern WITH_MV = Pattern.compile("(-?\\d+)mV(?:depol|$)");
    private static final Pattern DEPOL_ONLY = Pattern.compile("(-?\\d+)depol");

    private VoltageFromFileName() { }

    public static OptionalDouble parse(String fileName) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) name = name.substring(0, dot);
        Matcher m = WITH_MV.matcher(name);
        if (m.find()) return OptionalDouble.of(Integer.parseInt(m.group(1)));
        m = DEPOL_ONLY.matcher(name);
        if (m.find()) return OptionalDouble.of(Integer.parseInt(m.group(1)));
        return OptionalDouble.empty();
    }
}
