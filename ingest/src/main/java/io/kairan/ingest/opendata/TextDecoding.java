package io.kairan.ingest.opendata;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The encodings municipal exports come in. A byte-order mark decides (UTF-8, UTF-16BE, UTF-16LE);
 * without one, the first of UTF-8, EUC-JP and Shift_JIS that decodes every byte wins. EUC-JP is
 * tried before Shift_JIS because Shift_JIS bytes 0x81–0x9F lead no EUC-JP character, while EUC-JP
 * text often decodes as Shift_JIS half-width kana without an error.
 */
final class TextDecoding {
  private static final Charset SHIFT_JIS = Charset.forName("windows-31j");
  private static final List<Charset> WITHOUT_BOM =
      List.of(StandardCharsets.UTF_8, Charset.forName("EUC-JP"), SHIFT_JIS);

  private TextDecoding() {}

  static String decode(byte[] bytes) {
    if (starts(bytes, 0xef, 0xbb, 0xbf)) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    if (starts(bytes, 0xfe, 0xff)) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    }
    if (starts(bytes, 0xff, 0xfe)) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }
    for (Charset charset : WITHOUT_BOM) {
      try {
        return charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
      } catch (CharacterCodingException e) {
        // not this one; try the next
      }
    }
    return new String(bytes, SHIFT_JIS);
  }

  private static boolean starts(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
