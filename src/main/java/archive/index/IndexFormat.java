package archive.index;

import org.apache.lucene.util.Version;

/** The format of the index this build writes, as {@code --version} names it. */
public final class IndexFormat {

  private IndexFormat() {}

  /**
   * One line: the Lucene version, the codec and archive's schema, such as {@code Lucene 9.12.3,
   * codec Archive912, schema 4}. A folder written under another schema is rebuilt once.
   */
  public static String describe() {
    return "Lucene "
        + Version.LATEST
        + ", codec "
        + ArchiveCodec.NAME
        + ", schema "
        + Fields.SCHEMA_VERSION;
  }
}
