package archive.index;

import java.io.IOException;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's default codec with stored fields kept uncompressed.
 *
 * <p>A search shows ten entries and loads each one's stored fields: its title, address, sections
 * and the body the highlighter cuts passages from. With Lucene's default (LZ4 over blocks of about
 * 80 KB with a preset dictionary), loading one entry of a 10,000-entry archive decompressed about
 * 20 KB and took about 45 µs on our 2-core machine: a third of a whole query. Uncompressed, the
 * entry is read where it lies, in about 6 µs, and an entry read for a few short fields (the
 * incremental index's hashes, a listing's titles) skips the body instead of decompressing it. The
 * cost is disk: about 45% more stored-field bytes, 18% more index for the generated archive.
 *
 * <p>The name is written into every segment and found again through Java's service loader ({@code
 * META-INF/services/org.apache.lucene.codecs.Codec}), so it must never change; segments written by
 * Lucene's own codec (indexes from earlier versions) stay readable and are rewritten in this one as
 * they merge.
 */
public final class ArchiveCodec extends FilterCodec {

  /** The codec's name in the index: never to be changed. */
  public static final String NAME = "Archive912";

  private static final StoredFieldsFormat STORED_FIELDS =
      new Lucene90CompressingStoredFieldsFormat(
          "ArchiveStoredFields", Uncompressed.MODE, 16 * 1024, 128, 10);

  /** Used by the service loader; {@link #INSTANCE} elsewhere. */
  public ArchiveCodec() {
    super(NAME, new Lucene912Codec());
  }

  /** The codec new segments are written with. */
  public static final Codec INSTANCE = new ArchiveCodec();

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return STORED_FIELDS;
  }

  /**
   * Bytes as they are. One instance: Lucene copies chunks between segments unchanged when both use
   * the same mode, which it tells by identity.
   */
  private static final class Uncompressed extends CompressionMode {

    static final CompressionMode MODE = new Uncompressed();

    @Override
    public Compressor newCompressor() {
      return new Compressor() {
        @Override
        public void compress(ByteBuffersDataInput in, DataOutput out) throws IOException {
          out.copyBytes(in, in.length() - in.position());
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public Decompressor newDecompressor() {
      return new Decompressor() {
        @Override
        public void decompress(
            DataInput in, int originalLength, int offset, int length, BytesRef bytes)
            throws IOException {
          in.skipBytes(offset);
          bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, length);
          in.readBytes(bytes.bytes, 0, length);
          bytes.offset = 0;
          bytes.length = length;
        }

        @Override
        public Decompressor clone() {
          return this; // no state
        }
      };
    }

    @Override
    public String toString() {
      return "UNCOMPRESSED";
    }
  }
}
