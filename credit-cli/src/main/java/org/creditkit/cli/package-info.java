/**
 * The {@code credit} command-line program (picocli): {@code generate}, {@code validate},
 * {@code features}, {@code demo} and the commands of the later workbench issues. See
 * {@link org.creditkit.cli.CreditCli} for exit codes and how to add a command.
 */
package org.creditkit.cli;
