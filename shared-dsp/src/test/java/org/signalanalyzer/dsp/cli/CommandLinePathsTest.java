package org.signalanalyzer.dsp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalanalyzer.dsp.SharedData;

/**
 * Files named on the command line that cannot be used: each command exits 2 (bad input) with a message naming the
 * option, never 1 (failure), as the hardening fuzzer's {@code --chain ""} did.
 */
class CommandLinePathsTest {

    @TempDir
    Path tmp;

    private static void assertUsageError(String expectedInMessage, String... args) {
        CliRun r = CliRun.cli(args);
        String message = r.err();
        assertEquals(2, r.code(), String.join(" ", args) + ": " + message);
        assertTrue(message.contains(expectedInMessage), String.join(" ", args) + ": " + message);
    }

    @Test
    void chainFilesThatCannotBeReadAreUsageErrors() throws Exception {
        String atf = SharedData.desktop("202304_0521.atf").toString();
        Path latin1 = Files.write(tmp.resolve("chain.json"), new byte[] {'{', (byte) 0xB5, '}'});
        for (String command : new String[] {"analyze", "filter"}) {
            assertUsageError("--chain needs a path", command, atf, "--chain", "");
            assertUsageError("is a directory", command, atf, "--chain", tmp.toString());
            assertUsageError(
                    "no such file",
                    command,
                    atf,
                    "--chain",
                    tmp.resolve("missing.json").toString());
            assertUsageError("not UTF-8", command, atf, "--chain", latin1.toString());
        }
        assertUsageError(
                "--chain needs a path", "export", atf, "--layout", "csv", "--out", tmp.toString(), "--chain", "");
    }

    @Test
    void recordingsThatCannotBeReadAreUsageErrors() {
        for (String command : new String[] {"info", "analyze", "filter"}) {
            String[] extra = command.equals("filter") ? new String[] {"--preset", "raw"} : new String[0];
            assertUsageError("FILE needs a path", concat(new String[] {command, ""}, extra));
            assertUsageError("is a directory", concat(new String[] {command, tmp.toString()}, extra));
            assertUsageError(
                    "no such file",
                    concat(new String[] {command, tmp.resolve("x.atf").toString()}, extra));
        }
        assertUsageError(
                "is a directory",
                "export",
                tmp.toString(),
                "--layout",
                "csv",
                "--out",
                tmp.resolve("out").toString());
        CliRun bench = CliRun.bench("read", tmp.toString());
        assertEquals(2, bench.code(), "bench read DIR: " + bench.err());
        assertTrue(bench.err().contains("is a directory"), "bench read DIR: " + bench.err());
    }

    @Test
    void outputsThatCannotBeWrittenAreUsageErrors() throws Exception {
        String atf = SharedData.desktop("202304_0521.atf").toString();
        assertUsageError("--out needs a path", "filter", atf, "--preset", "raw", "--out", "");
        assertUsageError("is a directory", "filter", atf, "--preset", "raw", "--out", tmp.toString());
        assertUsageError("--out needs a path", "export", atf, "--layout", "csv", "--out", "");
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        assertUsageError("is a file, not a folder", "export", atf, "--layout", "csv", "--out", file.toString());
    }

    @Test
    void aCaseFileThatIsNotJsonIsAUsageError() throws Exception {
        Path notJson = Files.writeString(tmp.resolve("case.json"), "{op: savgol");
        assertUsageError("is not JSON", "filter", "--case", notJson.toString());
        assertUsageError("--case needs a path", "filter", "--case", "");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
