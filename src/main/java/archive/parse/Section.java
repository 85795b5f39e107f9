package archive.parse;

import java.util.Objects;

/**
 * A part of an entry that starts at a heading or at a paragraph opening with bold text.
 *
 * @param heading the heading text; empty for the text before the first heading
 * @param anchor the fragment a reader lands on (without {@code #}); empty when there is none
 * @param level 1 to 4 for headings, 5 for a bold run-in heading, 0 for the untitled lead
 * @param text the section's plain text, without its heading
 */
public record Section(String heading, String anchor, int level, String text) {

  /** Checks the parts. */
  public Section {
    Objects.requireNonNull(heading, "heading");
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(text, "text");
    if (level < 0 || level > 5) {
      throw new IllegalArgumentException("level not in 0..5: " + level);
    }
    if (anchor.startsWith("#")) {
      throw new IllegalArgumentException("anchor must not start with #: " + anchor);
    }
  }

  /** The level of a section introduced by a bold run at the start of a paragraph. */
  public static final int RUN_IN = 5;
}
