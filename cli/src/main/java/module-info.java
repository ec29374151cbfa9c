/** The {@code gfpose} command line: picocli commands over the library. */
module gfpose.cli {
    requires gfpose.core;
    requires info.picocli;

    opens gfpose.cli to info.picocli; // options and subcommands are bound by reflection
}
