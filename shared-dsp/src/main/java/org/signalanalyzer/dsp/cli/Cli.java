package org.signalanalyzer.dsp.cli;

import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.signalanalyzer.dsp.io.RecordingFormatException;

/**
 * {@code java -jar shared-dsp-cli.jar COMMAND ...}: the science from a shell, through the same code paths as the API.
 * Exit codes: 0 done, 2 bad input (the message on stderr says what and where), 1 an unexpected failure.
 */
public final class Cli {

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        register(new InfoCommand());
        register(new AnalyzeCommand());
        register(new ExportCommand());
        register(new FilterCommand());
        register(new QvCommand());
    }

    private Cli() {}

    private static void register(Command c) {
        COMMANDS.put(c.name(), c);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit code. Separate from main so tests can call it in-process. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            usage(err);
            return args.length == 0 ? 2 : 0;
        }
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            err.println("unknown command '" + args[0] + "'");
            usage(err);
            return 2;
        }
        return run(command, Arrays.copyOfRange(args, 1, args.length), out, err);
    }

    /**
     * Runs {@code command} on the arguments after its name, with the exit codes above; the benchmarks' launcher
     * (test sources, so they stay out of the shipped jars) runs its command through here too.
     */
    static int run(Command command, String[] rest, PrintStream out, PrintStream err) {
        try {
            command.run(new Arguments(rest), out);
            out.flush();
            return 0;
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println("usage: " + command.usage());
            return 2;
        } catch (RecordingFormatException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            err.println("no such file: " + e.getFile());
            return 2;
        } catch (Exception e) {
            err.println("failed: " + e);
            return 1;
        }
    }

    private static void usage(PrintStream err) {
        err.println("usage: java -jar shared-dsp-cli.jar COMMAND [options]");
        for (Command c : COMMANDS.values()) err.println("  " + c.usage());
    }
}
