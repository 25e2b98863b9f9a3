package io.kairan.ingest.safety;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Parses untrusted XML: any DOCTYPE is refused outright (no XXE, no entity expansion bombs), and
 * documents above the size cap are refused before parsing.
 */
public final class SafeXml {
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  private SafeXml() {}

  public static Document parse(byte[] xml) throws UnsafeInputException {
    if (xml.length > MAX_BYTES) {
      throw new UnsafeInputException(
          "document is " + xml.length + " bytes, more than the " + MAX_BYTES + " allowed");
    }
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (SAXException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("DOCTYPE")) {
        throw new UnsafeInputException(
            "XML with a DOCTYPE is refused (external entities and entity expansion are not allowed)",
            e);
      }
      throw new UnsafeInputException("not well-formed XML: " + message, e);
    } catch (IOException | ParserConfigurationException e) {
      throw new UnsafeInputException("cannot read XML: " + e.getMessage(), e);
    }
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }
}
