package io.kairan.ingest.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Direct children of a DOM element by local name, whatever the namespace prefix. */
final class Elements {
  private Elements() {}

  static List<Element> children(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        found.add(e);
      }
    }
    return found;
  }

  static Optional<Element> child(Element parent, String localName) {
    return children(parent, localName).stream().findFirst();
  }

  /** The trimmed text of the first such child; empty when absent or blank. */
  static Optional<String> text(Element parent, String localName) {
    return child(parent, localName).map(e -> e.getTextContent().strip()).filter(s -> !s.isEmpty());
  }
}
