package org.signalanalyzer.dsp.cli;

/** The command line itself is wrong (a missing file, an unknown option); exit code 2. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
