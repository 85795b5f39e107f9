package archive.search;

import archive.index.Fields;
import archive.parse.Entry;
import archive.parse.Section;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;

/** An entry's sections back from its stored table of headings, anchors, levels and offsets. */
final class StoredSections {

  private StoredSections() {}

  /** The sections of a document loaded with its body and section fields, in order. */
  static List<Section> of(Document doc) {
    String body = doc.get(Fields.BODY) == null ? "" : doc.get(Fields.BODY);
    String[] headings = doc.getValues(Fields.SECTION_HEADING);
    String[] anchors = doc.getValues(Fields.SECTION_ANCHOR);
    int[] levels = ints(doc.getFields(Fields.SECTION_LEVEL));
    int[] starts = ints(doc.getFields(Fields.SECTION_START));
    List<Section> sections = new ArrayList<>(headings.length);
    for (int i = 0; i < headings.length; i++) {
      int start = Math.min(starts[i], body.length());
      int end = i + 1 < starts.length ? Math.min(starts[i + 1] - 1, body.length()) : body.length();
      String text = body.substring(start, Math.max(start, end));
      sections.add(
          new Section(
              headings[i], anchors[i], levels[i], text.replace(Entry.SECTION_SEPARATOR, '\n')));
    }
    return sections;
  }

  static int[] ints(IndexableField[] fields) {
    int[] values = new int[fields.length];
    for (int i = 0; i < fields.length; i++) {
      values[i] = fields[i].numericValue().intValue();
    }
    return values;
  }
}
