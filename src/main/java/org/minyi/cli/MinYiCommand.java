package org.minyi.cli;

import picocli.CommandLine.Command;

/** The {@code minyi} command line; each capability adds its subcommand to the list below. */
@Command(name = "minyi", mixinStandardHelpOptions = true, version = "MinYi 0.1.0",
        description = "Public-opinion monitoring and demand mining for government public services.",
        subcommands = {TrainCommand.class, EvaluateCommand.class})
public final class MinYiCommand {
}
