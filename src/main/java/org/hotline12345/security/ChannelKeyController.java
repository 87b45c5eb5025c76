package org.hotline12345.security;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Administrators issue, list and revoke the outside channels' API keys ({@code
 * /api/admin/channel-keys}).
 */
@RestController
@RequestMapping("/api/admin/channel-keys")
class ChannelKeyController {

  /**
   * The channels a key may be issued for: the online ones (the phone line is staff in Tasklist).
   */
  private static final List<String> CHANNELS = List.of("WEB", "WECHAT", "APP", "SMS", "MAILBOX");

  record NewKey(String channel, String label) {}

  private final ChannelKeys keys;

  ChannelKeyController(ChannelKeys keys) {
    this.keys = keys;
  }

  @PostMapping
  ResponseEntity<ChannelKeys.IssuedKey> issue(
      @RequestBody NewKey request, @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    requireAdministrator(caller);
    if (request.channel() == null || !CHANNELS.contains(request.channel())) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "channel: 应为 " + CHANNELS + " 之一");
    }
    if (request.label() == null || request.label().isBlank() || request.label().length() > 100) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "label: 必填，且不能超过 100 个字符");
    }
    ChannelKeys.IssuedKey issued = keys.issue(request.channel(), request.label(), caller.userId());
    return ResponseEntity.created(URI.create("/api/admin/channel-keys/" + issued.id()))
        .body(issued);
  }

  @GetMapping
  List<ChannelKeys.KeyInfo> list(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    requireAdministrator(caller);
    return keys.list();
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Map<String, String>> revoke(
      @PathVariable String id, @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    requireAdministrator(caller);
    if (!keys.revoke(id, caller.userId())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这把有效的密钥：" + id);
    }
    return ResponseEntity.noContent().build();
  }

  private static void requireAdministrator(ApiCaller caller) {
    if (!caller.isAdministrator()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有管理员可以管理渠道密钥");
    }
  }
}
