package org.hotline12345.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/** The user and password of an HTTP Basic {@code Authorization} header, if the request has one. */
record BasicCredentials(String user, String password) {

  static Optional<BasicCredentials> of(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    return colon <= 0
        ? Optional.empty()
        : Optional.of(
            new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }
}
