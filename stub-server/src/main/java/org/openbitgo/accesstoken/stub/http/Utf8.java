package org.openbitgo.accesstoken.stub.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies as the contract promises them: UTF-8 and nothing else. Jackson, given bytes,
 * guesses UTF-16/UTF-32 from zero bytes and decodes overlong sequences ({@code C0 AF} as {@code
 * /}); the JDK's decoder refuses both, so the body is decoded here and Jackson reads text.
 */
public final class Utf8 {

  private Utf8() {}

  /**
   * The body as text, or null if it is not well-formed UTF-8 or holds a NUL byte (never part of
   * JSON text, and how UTF-16 and UTF-32 bodies of ASCII look when read as UTF-8).
   */
  public static String decode(byte[] body, int length) {
    boolean ascii = true;
    for (int i = 0; i < length; i++) {
      byte b = body[i];
      if (b == 0) {
        return null;
      }
      ascii &= b > 0;
    }
    if (ascii) {
      // ASCII is well-formed UTF-8, and this is one copy where the decoder makes three
      return new String(body, 0, length, StandardCharsets.US_ASCII);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
