/**
 * The picocli commands {@code index}, {@code search}, {@code stats}, {@code show} and {@code
 * serve}; the only code that prints or chooses exit codes.
 */
@NullMarked
package archive.cli;

import org.jspecify.annotations.NullMarked;
