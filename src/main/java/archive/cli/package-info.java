/**
 * The picocli commands {@code index}, {@code search} and {@code stats}; the only code that prints
 * or chooses exit codes.
 */
@NullMarked
package archive.cli;

import org.jspecify.annotations.NullMarked;
