package io.mesosevents.cli;

import picocli.CommandLine;

/** Process exit codes, picocli's conventions. */
final class ExitCodes {

    static final int FAILURE = CommandLine.ExitCode.SOFTWARE;
    static final int USAGE = CommandLine.ExitCode.USAGE;

    private ExitCodes() {
    }
}
