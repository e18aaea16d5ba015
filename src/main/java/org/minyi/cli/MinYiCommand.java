package org.minyi.cli;

import picocli.CommandLine.Command;

/** The {@code minyi} command line; each capability adds its subcommand to the list below. */
@Command(name = "minyi", mixinStandardHelpOptions = true, version = "MinYi 0.1.0",
        description = "Public-opinion monitoring and demand mining for government public services.",
        footer = "%nminyi serve [--server.port=8080]  starts the service (the default without arguments).",
        subcommands = {AnalyzeCommand.class, ImportCommand.class, CrawlCommand.class,
                HotspotsCommand.class, ReindexCommand.class, CheckIndexCommand.class,
                TrainCommand.class, EvaluateCommand.class, LabelsCommand.class, ReportCommand.class})
public final class MinYiCommand {
}
