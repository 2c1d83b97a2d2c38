package org.signalanalyzer.dsp.cli;

import java.io.PrintStream;

/** One CLI sub-command. */
interface Command {
    String name();

    /** One line: the command with its options. */
    String usage();

    void run(Arguments args, PrintStream out) throws Exception;
}
