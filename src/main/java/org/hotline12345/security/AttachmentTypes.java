package org.hotline12345.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The files a hotline attaches to a task: photos, PDF and OFD documents, and office documents
 * (Word, Excel, PowerPoint, in the old and the new format). The declared type, the file name's
 * extension and the file's first bytes must agree, so an HTML page or a script never gets in under
 * another name.
 */
final class AttachmentTypes {

  /** The largest file accepted, in bytes. */
  static final int MAX_BYTES = 10 * 1024 * 1024;

  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
  private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};

  /** One allowed type: its MIME type, its extensions and how its files begin. */
  record Type(String mimeType, List<String> extensions, byte[] magic) {

    boolean fitsName(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      return extensions.stream().anyMatch(extension -> lower.endsWith("." + extension));
    }

    boolean fitsContent(byte[] content) {
      return content.length >= magic.length
          && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
  }

  static final List<Type> ALLOWED =
      List.of(
          new Type("image/jpeg", List.of("jpg", "jpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8}),
          new Type(
              "image/png",
              List.of("png"),
              new byte[] {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A}),
          new Type("application/pdf", List.of("pdf"), new byte[] {0x25, 0x50, 0x44, 0x46, 0x2D}),
          new Type("application/ofd", List.of("ofd"), ZIP),
          new Type("application/msword", List.of("doc", "wps"), OLE2),
          new Type("application/vnd.ms-excel", List.of("xls", "et"), OLE2),
          new Type("application/vnd.ms-powerpoint", List.of("ppt", "dps"), OLE2),
          new Type(
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              List.of("docx"),
              ZIP),
          new Type(
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              List.of("xlsx"),
              ZIP),
          new Type(
              "application/vnd.openxmlformats-officedocument.presentationml.presentation",
              List.of("pptx"),
              ZIP));

  private AttachmentTypes() {}

  static Optional<Type> of(String mimeType) {
    return ALLOWED.stream().filter(t -> t.mimeType().equalsIgnoreCase(mimeType)).findFirst();
  }

  /** For messages: the allowed types by extension. */
  static String names() {
    return String.join(
        ", ", ALLOWED.stream().flatMap(t -> t.extensions().stream()).map(e -> "." + e).toList());
  }
}
