package archive.parse;

/** How a source path becomes a public URL. */
public enum UrlStyle {
  /** {@code notes/a.md} becomes {@code /notes/a.html}. */
  HTML,
  /** {@code notes/a.md} becomes {@code /notes/a/}. */
  PRETTY,
  /** {@code notes/a.md} stays {@code /notes/a.md}. */
  SOURCE
}
